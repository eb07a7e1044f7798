package org.dsrcnn.engine.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A PyTorch storage named by a pickle's persistent id: {@code numel} elements of one type, whose bytes
 * come from elsewhere (a zip entry {@code data/KEY}, or the legacy format's tail) and are attached
 * once read. A legacy storage view is a window {@code [offset, offset + numel)} of a root storage.
 */
final class TorchStorage {

    final String key;
    final ScalarType type;
    final long numel;
    private final TorchStorage root;
    private final long offset;
    private ByteBuffer data;

    TorchStorage(String key, ScalarType type, long numel) {
        this(key, type, numel, null, 0);
    }

    private TorchStorage(String key, ScalarType type, long numel, TorchStorage root, long offset) {
        if (numel < 0) {
            throw new IllegalArgumentException("storage " + key + " has a negative size " + numel);
        }
        this.key = key;
        this.type = type;
        this.numel = numel;
        this.root = root;
        this.offset = offset;
    }

    /** A legacy-format view of elements {@code [offset, offset + numel)} of this storage. */
    TorchStorage view(String viewKey, long viewOffset, long viewNumel) {
        if (viewOffset < 0 || viewNumel < 0 || viewOffset + viewNumel > numel) {
            throw new IllegalArgumentException("storage view " + viewKey + " lies outside storage " + key);
        }
        return new TorchStorage(viewKey, type, viewNumel, this, viewOffset);
    }

    /** The storage that owns the bytes (itself unless a view). */
    TorchStorage root() {
        return root == null ? this : root;
    }

    /** Attaches the bytes of a root storage; the length must be exactly numel elements. */
    void attach(ByteBuffer bytes, ByteOrder order) {
        if (root != null) {
            throw new IllegalStateException("attach bytes to the root storage");
        }
        if (bytes.remaining() != numel * type.bytes()) {
            throw new IllegalArgumentException("storage " + key + " holds " + bytes.remaining() + " bytes, expected "
                    + numel * type.bytes() + " (" + numel + " x " + type + ")");
        }
        data = bytes.slice().order(order);
    }

    boolean isLoaded() {
        return root().data != null;
    }

    /** Element {@code index} of this storage (of the view, for a view). */
    float get(long index) {
        TorchStorage r = root();
        return r.type.read(r.data, offset + index);
    }
}
