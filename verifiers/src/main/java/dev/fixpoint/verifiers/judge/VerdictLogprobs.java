package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.TokenLogprob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * P(YES) of a judge's verdict from the log-probabilities of the answer's tokens: the token where the verdict word
 * starts (the first answer token after {@code VERDICT:}, or the first token of a bare YES/NO) and its top
 * alternatives are read, and the probability mass of the YES variants is normalised over the YES and NO variants.
 * A variant is a token whose letters, lower-cased, start the word ("YES", " yes", ": Yes", "Y"; "NO", " no", "N"),
 * so case, spaces, punctuation and a word split over tokens do not matter.
 */
final class VerdictLogprobs {

    private VerdictLogprobs() {
    }

    /**
     * @param tokens the answer's tokens in order, as the model generated them
     * @return P(YES) in [0, 1]; empty when there are no tokens, no verdict in their text, or neither YES nor NO
     *         among the verdict token and its alternatives
     */
    static Optional<Double> yesProbability(List<TokenLogprob> tokens) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = text.length();
            text.append(tokens.get(i).token());
        }
        int at = VerdictParser.verdictOffset(text.toString());
        if (at < 0) {
            return Optional.empty();
        }
        int index = tokens.size() - 1;
        while (starts[index] > at) {
            index--;
        }
        TokenLogprob answer = tokens.get(index);
        Map<String, Double> candidates = new LinkedHashMap<>();
        answer.top().forEach(a -> candidates.putIfAbsent(a.token(), a.logprob()));
        candidates.putIfAbsent(answer.token(), answer.logprob());
        double yes = 0;
        double no = 0;
        for (Map.Entry<String, Double> c : candidates.entrySet()) {
            String letters = c.getKey().replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            if (letters.isEmpty()) {
                continue;
            }
            if ("yes".startsWith(letters)) {
                yes += Math.exp(c.getValue());
            } else if ("no".startsWith(letters)) {
                no += Math.exp(c.getValue());
            }
        }
        return yes + no > 0 ? Optional.of(yes / (yes + no)) : Optional.empty();
    }
}
