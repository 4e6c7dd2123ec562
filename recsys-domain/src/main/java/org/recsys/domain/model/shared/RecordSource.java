package org.recsys.domain.model.shared;

/**
 * Where a user, item or feedback event came from. Demo data is synthetic and says so; imported rows name their
 * dataset format so that operations can tell real from generated data.
 */
public final class RecordSource {

    public static final String API = "api";
    public static final String DEMO = "demo-synthetic";
    public static final int MAX_LENGTH = 40;

    private RecordSource() {
    }

    public static String imported(String format) {
        return "import:" + format;
    }
}
