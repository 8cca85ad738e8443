package io.github.puavomirror.rdiff;

/**
 * The four librsync signature kinds: a weak rolling sum and a strong hash, named by the magic
 * number at the start of a signature file.
 */
public enum SignatureType {
    MD4_ROLLSUM(0x72730136, false, false),
    BLAKE2_ROLLSUM(0x72730137, false, true),
    MD4_RABINKARP(0x72730146, true, false),
    BLAKE2_RABINKARP(0x72730147, true, true);

    /** What rdiff 2.3.2 writes when no {@code -H}/{@code -R} is given. */
    public static final SignatureType DEFAULT = BLAKE2_RABINKARP;

    private final int magic;
    private final boolean rabinKarp;
    private final boolean blake2;

    SignatureType(int magic, boolean rabinKarp, boolean blake2) {
        this.magic = magic;
        this.rabinKarp = rabinKarp;
        this.blake2 = blake2;
    }

    public int magic() {
        return magic;
    }

    /** True for RabinKarp weak sums, false for the classic rollsum. */
    public boolean rabinKarp() {
        return rabinKarp;
    }

    /** True for BLAKE2b-256 strong sums, false for MD4. */
    public boolean blake2() {
        return blake2;
    }

    /** The longest strong sum this hash gives: 32 for BLAKE2b-256, 16 for MD4. */
    public int maxStrongLength() {
        return blake2 ? 32 : 16;
    }

    /** The type for rdiff's {@code -H} and {@code -R} option values, or null for an unknown name. */
    public static SignatureType of(String hash, String rollsum) {
        boolean md4;
        if ("blake2".equals(hash)) {
            md4 = false;
        } else if ("md4".equals(hash)) {
            md4 = true;
        } else {
            return null;
        }
        boolean rk;
        if ("rabinkarp".equals(rollsum)) {
            rk = true;
        } else if ("rollsum".equals(rollsum)) {
            rk = false;
        } else {
            return null;
        }
        return md4 ? (rk ? MD4_RABINKARP : MD4_ROLLSUM) : (rk ? BLAKE2_RABINKARP : BLAKE2_ROLLSUM);
    }

    /**
     * The type for a magic number as librsync's loader reads it: 0 means the default type,
     * anything else unknown is {@link RdiffResult#BAD_MAGIC}.
     */
    public static SignatureType ofMagic(int magic) throws RdiffException {
        if (magic == 0) {
            return DEFAULT;
        }
        for (SignatureType t : values()) {
            if (t.magic == magic) {
                return t;
            }
        }
        throw new RdiffException(RdiffResult.BAD_MAGIC,
                String.format("unknown signature magic 0x%08x", magic));
    }
}
