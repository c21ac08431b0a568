package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.runner.RunnerScript;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FakeKubelet.Node} without containers: the runner's side of the protocol answered in Java. It reads the
 * runner script, says ready, then parses each request (stdin, prelude, command, as runner.sh does) and answers with
 * the markers. It runs nothing: {@code cat} returns the request's stdin, {@code echo WORDS} the words, anything
 * else fails with exit 127. A plain exec (not the runner) exits 0 at once. For the provider's own logic (pod
 * objects, exec framing, markers, labels, prune) and the controller-side benchmark, not for command semantics.
 */
final class ScriptedNode implements FakeKubelet.Node {

    private static final byte[] SCRIPT_END = "#fixpoint-runner-end\n".getBytes(StandardCharsets.UTF_8);
    private final Set<String> pods = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> execs = new ConcurrentHashMap<>();

    @Override
    public void start(Pod pod) {
        pods.add(pod.getMetadata().getName());
    }

    /** Execs per pod so far (runner and plain). */
    Map<String, Integer> execs() {
        return execs;
    }

    @Override
    public FakeKubelet.Process exec(String pod, List<String> command, FakeKubelet.Channel channel) {
        if (!pods.contains(pod)) throw new IllegalStateException("no such pod on this node: " + pod);
        execs.merge(pod, 1, Integer::sum);
        List<String> runner = RunnerScript.runnerCommand(null);
        if (command.size() != runner.size() || !command.subList(0, 4).equals(runner.subList(0, 4))) {
            channel.exit(0); // a plain exec, e.g. the keeper's kill signal
            return new Idle();
        }
        return new Runner(channel);
    }

    @Override
    public void remove(String pod) {
        pods.remove(pod);
    }

    @Override
    public void close() {
        pods.clear();
    }

    private static final class Idle implements FakeKubelet.Process {
        @Override public void stdin(byte[] b, int off, int len) { }
        @Override public void endOfInput() { }
        @Override public void kill() { }
    }

    /** The runner protocol in Java; input is parsed once a whole request has arrived. */
    private static final class Runner implements FakeKubelet.Process {
        private final FakeKubelet.Channel channel;
        private final ByteArrayOutputStream in = new ByteArrayOutputStream();
        private boolean loaded;
        private boolean quit;

        Runner(FakeKubelet.Channel channel) {
            this.channel = channel;
        }

        @Override
        public synchronized void stdin(byte[] b, int off, int len) {
            in.write(b, off, len);
            byte[] buf = in.toByteArray();
            int used = 0;
            while (!quit) {
                int n = loaded ? request(buf, used) : script(buf, used);
                if (n == 0) break;
                used += n;
            }
            in.reset();
            in.write(buf, used, buf.length - used);
        }

        private int script(byte[] buf, int from) {
            int end = indexOf(buf, from, SCRIPT_END);
            if (end < 0) return 0;
            loaded = true;
            out("fixpoint-runner ready fake 1\n");
            return end + SCRIPT_END.length - from;
        }

        /** Bytes of one complete request at {@code from}, answered; 0 if it is not complete yet. */
        private int request(byte[] buf, int from) {
            int nl = indexOf(buf, from, new byte[] {'\n'});
            if (nl < 0) return 0;
            String[] head = new String(buf, from, nl - from, StandardCharsets.UTF_8).split(" ");
            if (head[0].equals("q")) {
                quit = true;
                channel.exit(0);
                return nl + 1 - from;
            }
            String tok = head[1];
            int n = Integer.parseInt(head[2]);
            int pos = nl + 1;
            byte[] stdin = new byte[0];
            if (n > 0) {
                byte[] sync = ("\ns " + tok + "\n").getBytes(StandardCharsets.UTF_8);
                if (buf.length < pos + n + sync.length) return 0;
                stdin = java.util.Arrays.copyOfRange(buf, pos, pos + n);
                pos += n + sync.length;
            }
            byte[] end = (tok + "\n").getBytes(StandardCharsets.UTF_8);
            int pre = indexOf(buf, pos, end);
            if (pre < 0) return 0;
            int cmdEnd = indexOf(buf, pre + end.length, end);
            if (cmdEnd < 0) return 0;
            String cmd = new String(buf, pre + end.length, cmdEnd - pre - end.length, StandardCharsets.UTF_8).strip();
            answer(tok, cmd, stdin);
            return cmdEnd + end.length - from;
        }

        private void answer(String tok, String cmd, byte[] stdin) {
            out(tok + " b\n");
            err(tok + " b\n");
            out(tok + " p 100\n");
            int exit = 0;
            if (cmd.equals("cat")) {
                channel.stdout(stdin, stdin.length);
            } else if (cmd.startsWith("echo ")) {
                out(cmd.substring(5) + "\n");
            } else {
                err("fake runner: cannot run " + cmd + "\n");
                exit = 127;
            }
            out(tok + " e " + exit + " 0\n");
            err(tok + " e " + exit + " 0\n");
        }

        private void out(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            channel.stdout(b, b.length);
        }

        private void err(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            channel.stderr(b, b.length);
        }

        @Override public void endOfInput() { }
        @Override public void kill() { quit = true; }

        private static int indexOf(byte[] buf, int from, byte[] what) {
            outer:
            for (int i = from; i <= buf.length - what.length; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (buf[i + j] != what[j]) continue outer;
                }
                return i;
            }
            return -1;
        }
    }
}
