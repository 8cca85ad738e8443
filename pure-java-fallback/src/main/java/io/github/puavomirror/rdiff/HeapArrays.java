package io.github.puavomirror.rdiff;

/** What arrays cost on the heap, for telling callers ahead how much memory an operation holds. */
final class HeapArrays {
    /** An array's header with its length, rounded up as object sizes are (64-bit JVMs). */
    private static final long HEADER = 16;

    private HeapArrays() {
    }

    /** Heap bytes of an array of {@code length} elements of {@code elementBytes} each. */
    static long bytes(long length, int elementBytes) {
        return (HEADER + length * elementBytes + 7) & ~7L;
    }
}
