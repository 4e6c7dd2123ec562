package org.recsys.ml.rating;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import org.tribuo.Output;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs this library's Tribuo models into Tribuo's protobuf {@link ModelProto} so that the standard
 * {@code Model.serializeToFile}/{@code Model.deserializeFromFile} work for them. The {@code Any} payload holds
 * Tribuo's own {@link ModelDataProto} (name, provenance, feature and output domains) followed by the model's
 * parameters written with {@link DataOutputStream}.
 */
public final class ModelPayload {

    /** Type URL prefix of the packed payloads. */
    static final String TYPE_URL = "type.recsys.org/";

    private ModelPayload() {
    }

    /** Writes parameters after the metadata. */
    @FunctionalInterface
    public interface ParameterWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads parameters after the metadata. */
    @FunctionalInterface
    public interface ParameterReader<M> {
        M read(ModelDataCarrier<?> carrier, DataInputStream in) throws IOException;
    }

    /** Builds the protobuf form of a model. */
    public static <T extends Output<T>> ModelProto pack(ModelDataCarrier<T> carrier, Class<?> modelClass, int version,
                                                 ParameterWriter parameters) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            byte[] metadata = carrier.serialize().toByteArray();
            out.writeInt(metadata.length);
            out.write(metadata);
            parameters.write(out);
            out.flush();
            Any payload = Any.newBuilder().setTypeUrl(TYPE_URL + modelClass.getName())
                    .setValue(ByteString.copyFrom(bytes.toByteArray())).build();
            return ModelProto.newBuilder().setClassName(modelClass.getName()).setVersion(version)
                    .setSerializedData(payload).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a payload written by {@link #pack}. */
    public static <M> M unpack(Any payload, ParameterReader<M> reader) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload.getValue().toByteArray()));
        byte[] metadata = new byte[in.readInt()];
        in.readFully(metadata);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(metadata));
        return reader.read(carrier, in);
    }

    public static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    public static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    public static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    public static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
