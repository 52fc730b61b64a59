import Foundation

/// The host's monotonic wall clock, for the limits that bound how long a replay may take (never
/// for anything a learner sees: simulated time is `SimulatedClock`).
public enum WallClock {
    /// Seconds since an arbitrary fixed point, never going backwards.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1_000_000_000
    }
}
