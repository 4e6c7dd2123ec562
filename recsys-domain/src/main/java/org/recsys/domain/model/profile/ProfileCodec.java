package org.recsys.domain.model.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.recsys.domain.model.shared.VectorBytes;

/**
 * A compact binary form of {@link ProfileState} for the database column and, Base64-encoded, for the cluster cache
 * (a string compares by content, so the cache can replace a value only if it is still the one read).
 */
public final class ProfileCodec {

    /**
     * Format 1 wrote vectors float by float (big-endian); format 2 writes them in one little-endian block; format 3
     * adds whether the user stated a preference text (false for profiles stored before).
     */
    private static final int FORMAT = 3;

    private ProfileCodec() {
    }

    public static byte[] encode(ProfileState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeVector(out, state.vector());
            out.writeShort(state.interests().size());
            for (Interest interest : state.interests()) {
                writeVector(out, interest.centroid());
                out.writeFloat(interest.weight());
                writeStrings(out, interest.tags());
                writeStrings(out, interest.memberItemIds());
            }
            writeStrings(out, state.liked());
            writeStrings(out, state.consumed());
            writeStrings(out, state.rejected());
            out.writeInt(state.events());
            out.writeInt(state.positives());
            out.writeInt(state.positivesAtCluster());
            out.writeBoolean(state.statedPreference());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ProfileState decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int format = in.readByte();
            if (format < 1 || format > FORMAT) {
                throw new IllegalArgumentException("unknown profile format " + format);
            }
            boolean bulk = format >= 2;
            float[] vector = readVector(in, bulk);
            int interestCount = in.readShort();
            List<Interest> interests = new ArrayList<>(interestCount);
            for (int i = 0; i < interestCount; i++) {
                interests.add(new Interest(readVector(in, bulk), in.readFloat(), readStrings(in), readStrings(in)));
            }
            return new ProfileState(vector, interests, readStrings(in), readStrings(in), readStrings(in), in.readInt(),
                    in.readInt(), in.readInt(), format >= 3 && in.readBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toText(ProfileState state) {
        return Base64.getEncoder().encodeToString(encode(state));
    }

    public static ProfileState fromText(String text) {
        return decode(Base64.getDecoder().decode(text));
    }

    /** Vectors go in one bulk copy each: read on every recommendation request, they must be cheap. */
    static void writeVector(DataOutputStream out, float[] vector) throws IOException {
        out.writeInt(vector == null ? -1 : vector.length);
        if (vector != null) {
            out.write(VectorBytes.encode(vector));
        }
    }

    static float[] readVector(DataInputStream in, boolean bulk) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (!bulk) {
            float[] vector = new float[length];
            for (int d = 0; d < length; d++) {
                vector[d] = in.readFloat();
            }
            return vector;
        }
        byte[] bytes = new byte[length * Float.BYTES];
        in.readFully(bytes);
        return VectorBytes.decode(bytes);
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readUTF());
        }
        return values;
    }
}
