package dev.fixpoint.sandbox.docker;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * The runner's stdin as docker-java sees it: an InputStream that blocks until we {@link #send} bytes and
 * returns them at once (unlike {@link java.io.PipedInputStream}, which polls once a second and breaks when a
 * writer thread ends). {@link #close()} ends the stream, so the runner reads EOF and exits.
 */
final class StdinPipe extends InputStream {

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current;
    private int offset;
    private boolean closed;

    synchronized void send(byte[] bytes) throws IOException {
        if (closed) throw new IOException("runner stdin is closed");
        if (bytes.length > 0) {
            chunks.add(bytes);
            notifyAll();
        }
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current == null || offset == current.length) {
            current = chunks.poll();
            offset = 0;
            if (current != null) continue;
            if (closed) return -1;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for runner input", e);
            }
        }
        int n = Math.min(len, current.length - offset);
        System.arraycopy(current, offset, b, off, n);
        offset += n;
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
