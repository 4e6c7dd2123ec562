package org.recsys.ml.sentiment;

import org.recsys.ml.text.EncoderTag;
import org.recsys.ml.text.TextEncoder;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained review classifier: predicts a label and class probabilities from a text vector (or from text, with
 * the encoder it was trained with). Immutable and thread-safe (Tribuo linear models are).
 */
public final class SentimentModel {

    private static final int MAGIC = 0x52535331; // "RSS1"

    private final Model<Label> model;
    private final EncoderTag encoder;

    SentimentModel(Model<Label> model, EncoderTag encoder) {
        this.model = model;
        this.encoder = encoder;
    }

    /** Classifies a text vector. */
    public SentimentPrediction predict(float[] vector) {
        Prediction<Label> prediction = model.predict(EmbeddingFeatures.example(LabelFactory.UNKNOWN_LABEL, vector));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        prediction.getOutputScores().forEach((name, label) -> probabilities.put(name, label.getScore()));
        return new SentimentPrediction(prediction.getOutput().getLabel(), probabilities);
    }

    /**
     * Encodes and classifies a text.
     *
     * @throws IllegalArgumentException when the encoder is not the one the model was trained with
     */
    public SentimentPrediction predict(String text, TextEncoder textEncoder) {
        if (!textEncoder.tag().equals(encoder)) {
            throw new IllegalArgumentException("model trained on " + encoder + " vectors, not " + textEncoder.tag());
        }
        return predict(textEncoder.encode(text));
    }

    /** Identity of the encoder the model reads. */
    public EncoderTag encoder() {
        return encoder;
    }

    /** The underlying Tribuo model. */
    public Model<Label> tribuoModel() {
        return model;
    }

    /** Tribuo provenance of the model. */
    public ModelProvenance provenance() {
        return model.getProvenance();
    }

    /** Serialises the model (Tribuo protobuf) with its encoder tag. */
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(encoder.modelId());
            out.writeUTF(encoder.version());
            out.writeInt(encoder.dimension());
            byte[] proto = model.serialize().toByteArray();
            out.writeInt(proto.length);
            out.write(proto);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model written by {@link #toBytes()}. */
    public static SentimentModel fromBytes(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a serialised SentimentModel");
            }
            EncoderTag tag = new EncoderTag(in.readUTF(), in.readUTF(), in.readInt());
            byte[] proto = new byte[in.readInt()];
            in.readFully(proto);
            Model<Label> model = Model.deserialize(ModelProto.parseFrom(proto)).castModel(Label.class);
            return new SentimentModel(model, tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #toBytes()} to a file. */
    public void save(Path file) throws IOException {
        Files.write(file, toBytes());
    }

    /** Reads a file written by {@link #save(Path)}. */
    public static SentimentModel load(Path file) throws IOException {
        return fromBytes(Files.readAllBytes(file));
    }
}
