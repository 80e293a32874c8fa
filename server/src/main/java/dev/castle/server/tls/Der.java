package dev.castle.server.tls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The little DER that rewrapping a PEM key needs: writing a tag-length-value, finding the curve of a SEC1 key. */
final class Der {
    private Der() {}

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            byte[] digits = java.math.BigInteger.valueOf(length).toByteArray();
            int skip = digits[0] == 0 ? 1 : 0;
            out.write(0x80 | (digits.length - skip));
            out.write(digits, skip, digits.length - skip);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    /**
     * The curve OID (its whole DER) of a SEC1 {@code ECPrivateKey}: {@code SEQUENCE { INTEGER 1, OCTET STRING key, [0]
     * OID curve, [1] BIT STRING public key }}.
     */
    static byte[] curveOfSec1(byte[] sec1) {
        int[] sequence = header(sec1, 0);
        int position = sequence[0];
        for (int field = 0; field < 2; field++) {
            int[] skipped = header(sec1, position);
            position = skipped[0] + skipped[1];
        }
        if (position >= sec1.length || (sec1[position] & 0xff) != 0xa0) {
            throw new IllegalArgumentException("The EC private key names no curve");
        }
        int[] parameters = header(sec1, position);
        return Arrays.copyOfRange(sec1, parameters[0], parameters[0] + parameters[1]);
    }

    /** The offset where the value of the element at {@code offset} starts, and its length. */
    private static int[] header(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return new int[] {offset + 2, first};
        }
        int count = first & 0x7f;
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        return new int[] {offset + 2 + count, length};
    }
}
