package org.recsys.domain.model.dataimport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A line an import could not use, with where it was and why. Only the first few per import are kept. */
@Entity
@Table(name = "import_rejection")
public class RejectedLine {

    /** How many rejected lines an import keeps for people to read; the rest are only counted. */
    public static final int KEPT_PER_IMPORT = 100;
    static final int MAX_CONTENT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_rejection_seq")
    @SequenceGenerator(name = "import_rejection_seq", sequenceName = "import_rejection_seq", allocationSize = 50)
    private Long id;

    @Column(name = "import_id", nullable = false)
    private Long importId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "line_number", nullable = false)
    private long lineNumber;

    @Column(nullable = false)
    private String reason;

    private String content;

    protected RejectedLine() {
    }

    public RejectedLine(long importId, String fileName, long lineNumber, String reason, String content) {
        this.importId = importId;
        this.fileName = fileName;
        this.lineNumber = lineNumber;
        this.reason = reason;
        this.content = content == null || content.length() <= MAX_CONTENT ? content
                : content.substring(0, MAX_CONTENT) + "...";
    }

    public String fileName() {
        return fileName;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }

    public String content() {
        return content;
    }
}
