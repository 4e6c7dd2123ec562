/**
 * The dataset import jobs ({@code import-movielens}, {@code import-amazon-reviews}): restartable chunk steps whose
 * readers stream the files through the {@code recsys-ml} dataset readers (checkpoint: file and line) and whose
 * writers store rows through the application services and count them in the same transaction.
 */
package org.recsys.interfaces.imports.batch;
