package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/** The pure-Java engine: librsync 2.3.2's formats and matcher, byte for byte. */
public final class JavaRdiffEngine implements RdiffEngine {

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "java: pure-Java librsync 2.3.2 engine";
    }

    @Override
    public RdiffStats signature(InputStream basis, long basisLength, OutputStream signature, SignatureOptions options)
            throws IOException {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options) throws IOException {
        throw new UnsupportedOperationException("in progress");
    }
}
