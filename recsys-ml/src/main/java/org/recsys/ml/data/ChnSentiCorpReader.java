package org.recsys.ml.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ChnSentiCorp CSV ({@code label,review} header, RFC 4180 quoting with doubled quotes). A quoted field
 * may span lines; the record then carries the line number where it starts. Empty reviews are rejected.
 */
public final class ChnSentiCorpReader {

    private ChnSentiCorpReader() {
    }

    /** Opens the CSV; the header line is skipped (and counts as line 1). */
    public static RecordCursor<LabelledText> open(Path csv, long resumeAfterLine) throws IOException {
        return new LineCursor<>(csv, StandardCharsets.UTF_8, resumeAfterLine) {
            @Override
            protected ParsedLine<LabelledText> parse(long lineNumber, String line) throws IOException {
                StringBuilder raw = new StringBuilder(line);
                List<String> fields = new ArrayList<>(2);
                // Keep appending physical lines while a quoted field is still open.
                while (!splitCsv(raw, fields)) {
                    String more = readLine();
                    if (more == null) {
                        return ParsedLine.rejected(lineNumber, "unterminated quoted field", raw.toString());
                    }
                    raw.append('\n').append(more);
                }
                if (lineNumber == 1 && fields.size() == 2 && "label".equalsIgnoreCase(fields.get(0).strip())) {
                    return next(); // header
                }
                if (fields.size() != 2) {
                    return ParsedLine.rejected(lineNumber, "expected 2 fields, found " + fields.size(),
                            raw.toString());
                }
                String label = fields.get(0).strip();
                String text = fields.get(1).strip();
                if (label.isEmpty()) {
                    return ParsedLine.rejected(lineNumber, "empty label", raw.toString());
                }
                if (text.isEmpty()) {
                    return ParsedLine.rejected(lineNumber, "empty review", raw.toString());
                }
                return ParsedLine.accepted(lineNumber, new LabelledText(lineNumber, label, text));
            }
        };
    }

    /**
     * Splits one CSV record into fields.
     *
     * @return {@code false} when a quoted field is still open at the end of the input (the record continues)
     */
    static boolean splitCsv(CharSequence record, List<String> fields) {
        fields.clear();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return false;
        }
        fields.add(field.toString());
        return true;
    }
}
