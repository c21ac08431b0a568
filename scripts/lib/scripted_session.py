"""One scripted model session: the responses a model could give, step by step, with plausible token counts.

Shared by the generators of scripted sessions (tasks/samples/scripts/generate.py for the demo's samples and
scripts/lib/real_sessions.py for the real-data bench); the JSON is what solver/model/ScriptFile reads.
"""
import json


class Session:
    def __init__(self, model, label, start_tokens):
        self.model, self.label, self.responses, self.tokens = model, label, [], start_tokens

    def say(self, text, tool, **args):
        self.tokens += 700 + len(json.dumps(args)) // 3
        self.responses.append({"text": text, "tool_calls": [{"name": tool, "arguments": args}],
                               "usage": {"input": self.tokens, "output": 90 + len(json.dumps(args)) // 4}})

    def submit(self, text, summary):
        """A fixer's submit under review before submit (the solver's default): the first call shows the patch with
        warnings, the second, with nothing changed in between, submits it."""
        self.say(text, "submit", summary=summary)
        self.say("I reviewed the patch; submitting it.", "submit", summary=summary)

    def json(self):
        return {"model": self.model, "label": self.label, "responses": self.responses}
