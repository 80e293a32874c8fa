package dev.castle.query;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Iterator;

/**
 * A JSON array of strings, made as it is read: {@code GET /subjects} of a million subjects is written in chunks of
 * about {@value #CHUNK} bytes and never held as one string or one byte array.
 */
final class JsonStringArray extends InputStream {
    private static final int CHUNK = 16 * 1024;

    private final Iterator<String> items;
    private final JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 256);
    private byte[] chunk = {'['};
    private int position;
    private boolean first = true;
    private boolean closed;

    JsonStringArray(Iterator<String> items) {
        this.items = items;
    }

    @Override
    public int read() {
        if (!available(1)) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!available(length)) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, count);
        position += count;
        return count;
    }

    /** True when bytes are left, making the next chunk when the current one is used up. */
    private boolean available(int wanted) {
        while (position >= chunk.length) {
            if (closed) {
                return false;
            }
            buffer.reset();
            while (items.hasNext() && buffer.size() < CHUNK) {
                if (!first) {
                    buffer.write(',');
                }
                first = false;
                buffer.write('"');
                buffer.writeBytes(encoder.quoteAsUTF8(items.next()));
                buffer.write('"');
            }
            if (!items.hasNext()) {
                buffer.write(']');
                closed = true;
            }
            chunk = buffer.toByteArray();
            position = 0;
        }
        return wanted > 0;
    }
}
