import Foundation
import LabCore
import Yams

/// The explicit checks of a ```lab block (YAML):
///
///     checks:
///       - run: docker container inspect -f '{{.State.Running}}' webhost
///         expect: "true"
///         hint: Start it with docker container start webhost.
///       - transcript: "docker (container )?run .*--name webhost"
///         message: ran a container named webhost
///
/// `run` runs on a copy of the learner's final state; `expect` is the exact output (trailing
/// newline ignored), `match` a regular expression over it, `status` the exit code (0 when only
/// `run` is given); `transcript` is a regular expression over what the learner typed.
public struct LabCheck: Sendable, Equatable {
    public var run: String?
    public var expect: String?
    public var match: String?
    public var status: Int32?
    public var transcript: String?
    public var hint: String?
    public var message: String?
    public var points: Int

    /// What the check says it verifies, for the learner.
    public var description: String {
        if let message { return message }
        if let run {
            if let expect { return "`\(run)` prints \(expect)" }
            if let match { return "`\(run)` prints something matching \(match)" }
            return "`\(run)` succeeds"
        }
        return "you typed a command matching \(transcript ?? "")"
    }

    /// Reads a ```lab block; a block that is not valid is reported with what is wrong.
    public static func parse(_ block: String) throws -> [LabCheck] {
        let yaml: Any?
        do { yaml = try SafeYAML.load(block) } catch { throw StoreError("a lab block is not valid YAML: \(SafeYAML.shortText(error))") }
        guard let root = yaml as? [String: Any], let list = root["checks"] as? [Any] else {
            throw StoreError("a lab block needs a `checks:` list")
        }
        return try list.map { item in
            guard let d = item as? [String: Any] else { throw StoreError("each check in a lab block is a mapping (run:, expect:…)") }
            func text(_ key: String) -> String? { d[key].map { "\($0)" } }
            let check = LabCheck(run: text("run"), expect: text("expect"), match: text("match"),
                                 status: (d["status"] as? Int).map(Int32.init), transcript: text("transcript"),
                                 hint: text("hint"), message: text("message"), points: d["points"] as? Int ?? 1)
            guard check.run != nil || check.transcript != nil else { throw StoreError("a check needs `run:` or `transcript:`") }
            return check
        }
    }

    /// Whether the check holds for a learner's final lab and what they typed.
    public func holds(in lab: Lab, typed: [String]) -> Bool { evaluate(in: lab, typed: typed).passed }

    /// The check's verdict with what it expected and what it found, in words.
    public func evaluate(in lab: Lab, typed: [String]) -> (passed: Bool, expected: String, found: String) {
        if let transcript {
            let expected = "a typed command matching \(transcript)"
            guard let regex = try? NSRegularExpression(pattern: transcript) else {
                return (false, expected, "the pattern \(transcript) is not a valid regular expression")
            }
            guard typed.contains(where: { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }) else {
                return (false, expected, "no typed command matches")
            }
            if run == nil { return (true, expected, "a typed command matches") }
        }
        guard let run else { return (true, "", "") }
        var copy = lab
        let out = CapturedOutput()
        let outcome = LabShell().run(run, origin: .commandString, lab: &copy, output: out)
        let printed = out.stdout.hasSuffix("\n") ? String(out.stdout.dropLast()) : out.stdout
        var passed = true
        var expected: [String] = []
        if let expect {
            expected.append("`\(run)` prints \(Self.shown(expect))")
            if printed != expect { passed = false }
        }
        if let match {
            expected.append("`\(run)` prints something matching \(match)")
            if let regex = try? NSRegularExpression(pattern: match) {
                if regex.firstMatch(in: printed, range: NSRange(printed.startIndex..., in: printed)) == nil { passed = false }
            } else { passed = false }
        }
        let wantedStatus = status ?? (expect == nil && match == nil ? 0 : nil)
        if let wantedStatus {
            expected.append("`\(run)` exits with status \(wantedStatus)")
            if outcome.status != wantedStatus { passed = false }
        }
        var found = "it printed \(Self.shown(printed)) and exited with status \(outcome.status)"
        let errors = out.stderr.trimmingCharacters(in: .newlines)
        if !errors.isEmpty { found += " (error: \(Self.shown(errors)))" }
        return (passed, expected.joined(separator: " and "), found)
    }

    /// Output as a learner reads it in a verdict: quoted, one line, at most 200 characters.
    static func shown(_ text: String) -> String {
        if text.isEmpty { return "nothing" }
        var one = text.replacingOccurrences(of: "\n", with: "⏎")
        if one.count > 200 { one = String(one.prefix(200)) + "…" }
        return "\"" + one + "\""
    }
}
