package dev.fixpoint.models.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** An OpenAI-compatible chat completions server on loopback that answers with queued (status, body) pairs. */
public final class OpenAiStub extends StubServer {

    public OpenAiStub() throws IOException {
        super("/v1/chat/completions", "Authorization");
    }

    /** A completion with one tool call. */
    public static String toolCall(String id, String name, String argumentsJson, int prompt, int completion, int cached) {
        String args = argumentsJson.replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
                "message":{"role":"assistant","content":null,"tool_calls":[{"id":"%s","type":"function",
                "function":{"name":"%s","arguments":"%s"}}]},"finish_reason":"tool_calls"}],
                "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,"prompt_tokens_details":{"cached_tokens":%d}}}
                """.formatted(id, name, args, prompt, completion, prompt + completion, cached);
    }

    /** A completion with text only. */
    public static String text(String content) {
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
                "message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
                """.formatted(content);
    }

    /**
     * A completion with text and {@code choices[0].logprobs.content}: one entry per token, each with the given top
     * alternatives ({@code top[i]} as token, logprob pairs).
     */
    public static String textWithLogprobs(List<String> tokens, List<Double> logprobs, List<Map<String, Double>> top) {
        var content = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) content.append(',');
            content.append("{\"token\":\"").append(tokens.get(i)).append("\",\"logprob\":").append(logprobs.get(i))
                   .append(",\"bytes\":null,\"top_logprobs\":[");
            int j = 0;
            for (var e : top.get(i).entrySet()) {
                if (j++ > 0) content.append(',');
                content.append("{\"token\":\"").append(e.getKey()).append("\",\"logprob\":").append(e.getValue())
                       .append(",\"bytes\":null}");
            }
            content.append("]}");
        }
        return """
                {"id":"chatcmpl-3","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
                "message":{"role":"assistant","content":"%s"},"logprobs":{"content":[%s]},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
                """.formatted(String.join("", tokens), content);
    }

    public static String error(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}";
    }
}
