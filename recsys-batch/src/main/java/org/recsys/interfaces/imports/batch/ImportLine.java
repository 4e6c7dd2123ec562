package org.recsys.interfaces.imports.batch;

import org.recsys.ml.data.ParsedLine;

/** One line of an import as it travels from reader to writer: the file it came from and what was parsed. */
record ImportLine<T>(String file, ParsedLine<T> parsed) {
}
