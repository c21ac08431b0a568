package dev.fixpoint.sandbox.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** "host:pid" of a process, the value of the owner label; a container whose owner died is a leftover. */
public record OwnerId(String host, long pid) {

    public static OwnerId current() {
        return new OwnerId(hostName(), ProcessHandle.current().pid());
    }

    /** Parses "host:pid"; null if the label is malformed. */
    public static OwnerId parse(String label) {
        if (label == null) return null;
        int colon = label.lastIndexOf(':');
        if (colon <= 0) return null;
        try {
            return new OwnerId(label.substring(0, colon), Long.parseLong(label.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True if this owner is a process on this host that no longer runs. */
    public boolean isDeadHere() {
        return host.equals(hostName()) && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String toString() {
        return host + ":" + pid;
    }

    private static String hostName() {
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String h = Files.readString(etc).trim();
                if (!h.isEmpty()) return h;
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            LoggerFactory.getLogger(OwnerId.class).warn("cannot tell this host's name; using localhost", e);
            return "localhost";
        }
    }
}
