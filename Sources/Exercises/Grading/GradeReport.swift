/// The verdict on one submission: every expectation with its points and, when it does not hold,
/// what was found instead and the hint; the commands that failed during the replay with the error
/// the learner saw; the lines that could not be read; the limit that stopped it. Never a time or
/// an id, so the same transcript always gets the same report.
public struct GradeReport: Sendable, Equatable, Codable {
    /// passed: every expectation holds; failed: not all do (or the replay was stopped at a limit);
    /// error: the submission could not be graded (binary, too large, unreadable, or the
    /// assignment waits for a part of the engine).
    public enum Status: String, Sendable, Codable {
        case passed, failed, error
    }

    /// The submission's name (its file name without extension, or what the caller gave).
    public var name: String
    public var assignment: String
    public var status: Status
    /// Points earned and points possible.
    public var score: Int
    public var points: Int
    public var checks: [AssignmentGrader.Result]
    public var failedCommands: [FailedCommand]
    /// Failed commands beyond the ones kept (a report keeps the first 50).
    public var moreFailedCommands: Int? = nil
    public var problems: [Transcript.Problem]
    /// The limit that stopped the replay, if one did.
    public var stopped: String?
    /// Why the submission could not be graded, when its status is error.
    public var error: String?
    /// The form the transcript was read in.
    public var form: Transcript.Form?
    /// The commands the transcript holds.
    public var commands: Int

    /// Whether it passed.
    public var passed: Bool { status == .passed }

    /// A report on a submission that could not be graded.
    public static func unusable(name: String, assignment: String, points: Int, reason: String) -> GradeReport {
        GradeReport(name: name, assignment: assignment, status: .error, score: 0, points: points, checks: [],
                    failedCommands: [], problems: [], stopped: nil, error: reason, form: nil, commands: 0)
    }

    /// One sentence on why it did not pass (the error, the limit, or the first expectation that
    /// does not hold), or nil when it passed.
    public var reason: String? {
        if let error { return error }
        if let stopped { return "stopped: " + stopped }
        return checks.first { !$0.passed }.map { "not yet: " + $0.expectation }
    }
}
