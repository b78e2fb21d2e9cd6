package org.convlab.sweep;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a sweep stands, sent with each event to a {@link SweepListener}.
 *
 * @param done    trial runs ended so far, counting those a resumed sweep found already done
 * @param planned trial runs planned so far (rungs and rounds not yet started are estimated)
 * @param running trial runs in progress
 * @param best    the best completed result so far, by the sweep's objective
 * @param seconds wall time since the sweep started
 */
public record SweepProgress(int done, int planned, int running, Optional<TrialResult> best, double seconds) {

    /** {@code 4/10 done, 2 running}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d/%d done, %d running%s", done, planned, running,
                best.map(b -> ", best: trial " + b.trial()).orElse(""));
    }
}
