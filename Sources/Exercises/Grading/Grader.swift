import Foundation
import LabCore

/// Grades submissions of one assignment: each transcript is replayed from the assignment's
/// starting lab within the limits, then every expectation is evaluated on the end state. Made
/// once (the reference solution is replayed once) and shared by every submission of a batch.
public struct Grader: Sendable {
    /// The assignment's id.
    public let assignment: String
    public let checker: AssignmentGrader
    public let limits: GradingLimits
    /// Set when the assignment cannot be graded yet (it waits for a part of the engine).
    public let notGradable: String?

    /// The points a submission can earn.
    public var points: Int { checker.expected.all.count + checker.checks.reduce(0) { $0 + $1.points } }

    public init(assignment: StoredAssignment, limits: GradingLimits = GradingLimits()) throws {
        let checks: [LabCheck]
        do { checks = try assignment.checks() } catch { throw StoreError("\(assignment.id): \(error)") }
        self.init(id: assignment.id, checker: AssignmentGrader(solution: assignment.solution, checks: checks, nodes: assignment.nodes),
                  limits: limits,
                  notGradable: assignment.waitingFor.isEmpty ? nil
                      : "the assignment waits for \(assignment.waitingFor.joined(separator: ", ")), which the lab does not simulate yet, so it is not graded")
    }

    public init(id: String, checker: AssignmentGrader, limits: GradingLimits = GradingLimits(), notGradable: String? = nil) {
        assignment = id
        self.checker = checker
        self.limits = limits
        self.notGradable = notGradable
    }

    /// Grades a transcript already read.
    public func grade(_ transcript: Transcript, name: String) -> GradeReport {
        if let notGradable { return .unusable(name: name, assignment: assignment, points: points, reason: notGradable) }
        if points == 0 { return .unusable(name: name, assignment: assignment, points: 0, reason: "the assignment has no expectations to grade") }
        let replay = TranscriptReplay(transcript, from: checker.startingLab(), limits: limits)
        let checks = checker.grade(replay.lab, typed: replay.typed)
        let score = checks.reduce(0) { $0 + ($1.passed ? $1.points : 0) }
        let allHold = !checks.isEmpty && checks.allSatisfy(\.passed)
        var report = GradeReport(name: name, assignment: assignment, status: allHold && replay.stopped == nil ? .passed : .failed,
                                 score: score, points: points, checks: checks, failedCommands: replay.failed,
                                 problems: Array(transcript.problems.prefix(TranscriptReplay.failedKept)), stopped: replay.stopped, error: nil,
                                 form: transcript.form, commands: transcript.commands.count)
        if replay.failedMore > 0 { report.moreFailedCommands = replay.failedMore }
        return report
    }

    /// Grades the bytes of a handed-in file.
    public func grade(data: Data, name: String) -> GradeReport {
        switch Transcript.read(data, maxBytes: limits.maxBytes) {
        case .success(let transcript): return grade(transcript, name: name)
        case .failure(let why): return .unusable(name: name, assignment: assignment, points: points, reason: why.description)
        }
    }

    /// Grades a file of the host (the one host file a grading reads): its size is checked
    /// before anything is read, so a huge file costs nothing.
    public func grade(file path: String, name: String? = nil) -> GradeReport {
        let name = name ?? Submission.name(of: path)
        switch Submission.contents(of: path, maxBytes: limits.maxBytes) {
        case .success(let data): return grade(data: data, name: name)
        case .failure(let why): return .unusable(name: name, assignment: assignment, points: points, reason: why.description)
        }
    }
}

/// Handed-in files: their names and contents.
public enum Submission {
    /// A submission's name: its file name without the extension.
    public static func name(of path: String) -> String {
        let file = (path as NSString).lastPathComponent
        let bare = (file as NSString).deletingPathExtension
        return bare.isEmpty ? file : bare
    }

    /// The bytes of a regular file no larger than `maxBytes`, or why it cannot be had.
    public static func contents(of path: String, maxBytes: Int) -> Result<Data, UnusableTranscript> {
        // A link is followed to the file it names, as a reader of the file would.
        let path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            return .failure(.unreadable("\(path): no such file"))
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            return .failure(.unreadable("\(path): not a regular file"))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes { return .failure(.tooLarge(bytes: size, limit: maxBytes)) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable("\(path): cannot be read")) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        if data.count > maxBytes { return .failure(.tooLarge(bytes: data.count, limit: maxBytes)) }
        return .success(data)
    }

    /// The files of a batch: each path as given, or every regular, non-hidden file of a folder
    /// (in natural order, s2 before s10; not recursive).
    public static func files(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw StoreError("\(path): no such file or folder") }
            if isDir.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }
                    .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
                for name in names {
                    let full = (path as NSString).appendingPathComponent(name)
                    var sub: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { out.append(full) }
                }
            } else {
                out.append(path)
            }
        }
        return out
    }
}
