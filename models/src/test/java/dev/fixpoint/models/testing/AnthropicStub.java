package dev.fixpoint.models.testing;

import java.io.IOException;

/** An Anthropic Messages API server on loopback ({@code POST /v1/messages}) that answers with queued bodies and records requests. */
public final class AnthropicStub extends StubServer {

    public AnthropicStub() throws IOException {
        super("/v1/messages", "x-api-key");
    }

    /**
     * A message with one tool call and usage as Anthropic reports it: {@code input} counts only the uncached prompt
     * tokens; cache writes and reads are apart.
     */
    public static String toolUse(String id, String name, String inputJson, int input, int output, int cacheWrite, int cacheRead) {
        return """
                {"id":"msg_%s","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",
                "content":[{"type":"tool_use","id":"%s","name":"%s","input":%s}],"stop_reason":"tool_use","stop_sequence":null,
                "usage":{"input_tokens":%d,"output_tokens":%d,"cache_creation_input_tokens":%d,"cache_read_input_tokens":%d}}
                """.formatted(id, id, name, inputJson, input, output, cacheWrite, cacheRead);
    }
}
