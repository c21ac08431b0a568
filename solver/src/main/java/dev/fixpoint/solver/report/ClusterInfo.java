package dev.fixpoint.solver.report;

import java.util.List;

/** A de-duplication cluster as the selection report records it: candidates that made the same change. */
public record ClusterInfo(int id, String state, int size, List<String> members, List<String> files) {

    public ClusterInfo {
        members = List.copyOf(members);
        files = List.copyOf(files);
    }
}
