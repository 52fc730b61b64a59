/// The lab's own clock: simulated seconds since the lab was created, advanced by `sleep` and by
/// each command, never by the host's wall clock, so a replay always prints the same times.
public struct SimulatedClock: Codable, Sendable, Equatable {
    /// The Unix time at which the lab started (fixed, so transcripts are reproducible).
    public var epoch: Double
    /// Simulated seconds elapsed since `epoch`.
    public var elapsed: Double

    /// 2024-01-01T00:00:00Z, the default start of every new lab.
    public static let defaultEpoch: Double = 1_704_067_200

    public init(epoch: Double = SimulatedClock.defaultEpoch, elapsed: Double = 0) {
        self.epoch = epoch
        self.elapsed = elapsed
    }

    /// The current simulated Unix time.
    public var now: Double { epoch + elapsed }

    /// Moves the clock forward; negative amounts are ignored.
    public mutating func advance(by seconds: Double) {
        if seconds > 0 { elapsed += seconds }
    }
}
