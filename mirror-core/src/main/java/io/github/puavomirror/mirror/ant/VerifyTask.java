package io.github.puavomirror.mirror.ant;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.ProgressMode;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import org.apache.tools.ant.Project;

/**
 * {@code <verify>}: checks a published mirror as {@code puavo-mirror verify} does; problems fail
 * the build (or are logged, with {@code failOnError="false"}).
 *
 * <pre>{@code
 * <pm:verify mirrorDirectory="/srv/mirror" deep="true"/>
 * }</pre>
 */
public class VerifyTask extends PuavoTask {
    private boolean deep;
    private String engine;
    private Integer jobs;
    private String progress;

    /** Also apply every rdiff to its source and compare the result with its target. */
    public void setDeep(boolean v) {
        deep = v;
    }

    /** {@code auto}, {@code java} or {@code native}, for {@code deep}. */
    public void setEngine(String v) {
        engine = v;
    }

    /** Files read at once; default the number of CPUs. */
    public void setJobs(int v) {
        jobs = v;
    }

    /** {@code auto}, {@code lines}, {@code bar} (a line every few seconds for a long step) or {@code none}. */
    public void setProgress(String v) {
        progress = v;
    }

    @Override
    void run() throws MirrorException {
        VerifyRequest request = new VerifyRequest(mirror(), deep, engine,
                jobs != null ? jobs : Runtime.getRuntime().availableProcessors());
        VerifyReport report = MirrorVerify.run(request, log(ProgressMode.parse(progress)));
        report.warnings().forEach(w -> log(w, Project.MSG_WARN));
        report.problems().forEach(p -> log(p.line(), Project.MSG_ERR));
        log(report.summaryLine(), Project.MSG_INFO);
        if (!report.ok()) {
            throw new MirrorException(request.mirrorDirectory() + ": " + report.problems().size()
                    + " problem(s), first " + report.problems().get(0).line());
        }
    }
}
