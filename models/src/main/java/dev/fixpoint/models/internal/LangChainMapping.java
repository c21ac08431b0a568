package dev.fixpoint.models.internal;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.Provider;
import dev.fixpoint.models.TokenLogprob;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.models.Usage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.anthropic.internal.mapper.AnthropicMapper;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.LogProb;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Converts between our provider-neutral values and langchain4j's; the only place that knows both. */
final class LangChainMapping {

    private LangChainMapping() {}

    /**
     * The langchain4j request. Log-probabilities are asked for only from OpenAI and OpenAI-compatible servers
     * ({@code "logprobs": true, "top_logprobs": n}); other providers' adapters have no such option and get the
     * request without it.
     */
    static ChatRequest toChatRequest(Provider provider, ModelRequest request) {
        var builder = ChatRequest.builder().messages(provider == Provider.ANTHROPIC
                ? toChatMessages(request.messages(), cacheBreakpoints(request.messages()))
                : toChatMessages(request.messages()));
        boolean openAi = provider == Provider.OPENAI || provider == Provider.OPENAI_COMPATIBLE;
        if (request.wantsLogprobs() && openAi) {
            return builder.parameters(OpenAiChatRequestParameters.builder()
                    .toolSpecifications(toToolSpecifications(request.tools()))
                    .logprobs(true).topLogprobs(request.topLogprobs())
                    .build()).build();
        }
        return builder.toolSpecifications(toToolSpecifications(request.tools())).build();
    }

    /** The generated tokens' log-probabilities when the provider gave them (OpenAI's {@code choices[0].logprobs.content}); else empty. */
    static List<TokenLogprob> toLogprobs(ChatResponseMetadata metadata) {
        if (!(metadata instanceof OpenAiChatResponseMetadata m) || m.logProbs() == null) return List.of();
        var out = new ArrayList<TokenLogprob>(m.logProbs().size());
        for (LogProb p : m.logProbs()) {
            var top = new ArrayList<TokenLogprob.Alternative>();
            if (p.topLogprobs() != null) {
                for (LogProb t : p.topLogprobs()) top.add(new TokenLogprob.Alternative(text(t.token()), logprob(t.logprob())));
            }
            out.add(new TokenLogprob(text(p.token()), logprob(p.logprob()), top));
        }
        return out;
    }

    private static String text(String token) {
        return token == null ? "" : token;
    }

    /** Providers round, so a certain token may come back as a hair above 0; a missing value is "unknown", -inf. */
    private static double logprob(Double v) {
        return v == null || v.isNaN() ? Double.NEGATIVE_INFINITY : Math.min(v, 0.0);
    }

    static List<ChatMessage> toChatMessages(List<Message> messages) {
        return toChatMessages(messages, Set.of());
    }

    /**
     * Where Anthropic's prompt cache gets its two message breakpoints (the system prompt and the tools get the other two
     * of the four allowed, from the model's builder): the request's last message, whose prefix this call writes to the
     * cache, and the last user-side message before the latest answer, where the previous call wrote it, so the history
     * up to there is read from the cache. Only user and tool-result messages are marked.
     */
    static Set<Integer> cacheBreakpoints(List<Message> messages) {
        var marks = new TreeSet<Integer>();
        int last = messages.size() - 1;
        if (userSide(messages.get(last))) marks.add(last);
        int i = last;
        while (i >= 0 && !(messages.get(i) instanceof Message.Assistant)) i--;
        while (i >= 0 && !userSide(messages.get(i))) i--;
        if (i >= 0) marks.add(i);
        return marks;
    }

    private static boolean userSide(Message m) {
        return m instanceof Message.User || m instanceof Message.ToolResult;
    }

    /** The messages; those at {@code cached} carry Anthropic's {@code cache_control} marker (other providers ignore it). */
    static List<ChatMessage> toChatMessages(List<Message> messages, Set<Integer> cached) {
        var out = new ArrayList<ChatMessage>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            Map<String, Object> attributes = cached.contains(i) ? CACHE : Map.of();
            if (m instanceof Message.SystemPrompt s) out.add(SystemMessage.from(s.text()));
            else if (m instanceof Message.User u) out.add(UserMessage.builder().addContent(TextContent.from(u.text())).attributes(attributes).build());
            else if (m instanceof Message.Assistant a) out.add(toAiMessage(a));
            else if (m instanceof Message.ToolResult r) {
                out.add(ToolExecutionResultMessage.builder().id(r.callId()).toolName(r.toolName()).text(r.text()).attributes(attributes).build());
            } else throw new IllegalStateException("unknown message type: " + m);
        }
        return out;
    }

    /** The attribute langchain4j-anthropic turns into {@code "cache_control": {"type": "ephemeral"}} on the message's last block. */
    private static final Map<String, Object> CACHE = Map.of(AnthropicMapper.CACHE_CONTROL, "ephemeral");

    private static AiMessage toAiMessage(Message.Assistant a) {
        if (a.toolCalls().isEmpty()) return AiMessage.from(a.text());
        var requests = a.toolCalls().stream()
                .map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name()).arguments(c.arguments()).build())
                .toList();
        return AiMessage.builder().text(a.text().isEmpty() ? null : a.text()).toolExecutionRequests(requests).build();
    }

    static List<ToolSpecification> toToolSpecifications(List<ToolSpec> tools) {
        return tools.stream().map(LangChainMapping::toToolSpecification).toList();
    }

    private static ToolSpecification toToolSpecification(ToolSpec spec) {
        var schema = JsonObjectSchema.builder();
        var required = new ArrayList<String>();
        for (ToolParam p : spec.params()) {
            schema.addProperty(p.name(), toSchema(p));
            if (p.required()) required.add(p.name());
        }
        schema.required(required);
        return ToolSpecification.builder().name(spec.name()).description(spec.description()).parameters(schema.build()).build();
    }

    private static JsonSchemaElement toSchema(ToolParam p) {
        if (!p.allowed().isEmpty()) return JsonEnumSchema.builder().enumValues(p.allowed()).description(p.description()).build();
        return switch (p.type()) {
            case STRING -> JsonStringSchema.builder().description(p.description()).build();
            case INTEGER -> JsonIntegerSchema.builder().description(p.description()).build();
            case BOOLEAN -> JsonBooleanSchema.builder().description(p.description()).build();
        };
    }

    /** Our assistant message; tool calls without a provider id (Gemini, Ollama) get one made up from the step. */
    static Message.Assistant toAssistant(AiMessage ai, String idPrefix) {
        var calls = new ArrayList<ToolCall>();
        if (ai.hasToolExecutionRequests()) {
            int i = 0;
            for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                String id = r.id() == null || r.id().isBlank() ? idPrefix + "_" + i : r.id();
                calls.add(new ToolCall(id, r.name(), r.arguments()));
                i++;
            }
        }
        return new Message.Assistant(ai.text(), calls);
    }

    /**
     * Our usage: input counts every prompt token, cached ones included. Anthropic reports cache reads and writes
     * apart from input_tokens, so they are added back; OpenAI and Gemini already include them.
     */
    static Usage toUsage(TokenUsage t, Duration latency) {
        if (t == null) return Usage.of(0, 0, 0, latency);
        long in = n(t.inputTokenCount()), out = n(t.outputTokenCount()), cached = 0;
        if (t instanceof OpenAiTokenUsage o && o.inputTokensDetails() != null) {
            cached = n(o.inputTokensDetails().cachedTokens());
        } else if (t instanceof AnthropicTokenUsage a) {
            cached = n(a.cacheReadInputTokens());
            in += cached + n(a.cacheCreationInputTokens());
        } else if (t instanceof GoogleAiGeminiTokenUsage g) {
            cached = n(g.cachedContentTokenCount());
        }
        return Usage.of(in, out, Math.min(cached, in), latency);
    }

    private static long n(Integer v) {
        return v == null ? 0 : v;
    }
}
