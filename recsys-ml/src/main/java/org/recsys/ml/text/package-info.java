/**
 * Sentence encoders that turn free text into L2-normalised dense vectors: the "LLM-derived features" every model
 * in this library reads.
 * <p>
 * The default is the quantized all-MiniLM-L6-v2 (Reimers and Gurevych, "Sentence-BERT", EMNLP 2019; Wang et al.,
 * "MiniLM", NeurIPS 2020) run in-process by ONNX Runtime through LangChain4j; Chinese text goes to the quantized
 * bge-small-zh-v1.5 (Xiao et al., "C-Pack: Packaged Resources To Advance General Chinese Embedding", 2023). An
 * OpenAI-compatible HTTP client is available but off by default. Build encoders with
 * {@link org.recsys.ml.text.TextEncoders#fromConfig(java.util.Map)}.
 * <p>
 * Vectors from different encoders live in different spaces: keep them apart by their {@link
 * org.recsys.ml.text.EncoderTag}.
 */
package org.recsys.ml.text;
