package io.github.puavomirror.mirror.job;

/**
 * The outcome of a run.
 *
 * @param series        series published
 * @param images        images listed in the metas
 * @param rdiffs        rdiffs listed in the metas
 * @param rdiffsBuilt   rdiffs made in this run
 * @param filesWritten  published files (images, rdiffs, metas, CKSUMS) created or replaced in this run
 * @param imageBytes    total size of the listed images
 * @param rdiffBytes    total size of the listed rdiffs
 * @param savedBytes    what clients save by fetching rdiffs instead of their target images
 * @param nanos         wall time of the run
 */
public record MirrorSummary(int series, int images, int rdiffs, int rdiffsBuilt, int filesWritten,
                            long imageBytes, long rdiffBytes, long savedBytes, long nanos) {

    /** True when the run found nothing to do. */
    public boolean upToDate() {
        return filesWritten == 0;
    }
}
