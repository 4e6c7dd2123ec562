package org.recsys.interfaces.imports.batch;

import java.io.Serializable;

/** Where a restarted import resumes: the file (by position in the sorted file list) and its last committed line. */
record ImportCheckpoint(int fileIndex, long line) implements Serializable {

    private static final long serialVersionUID = 1L;
}
