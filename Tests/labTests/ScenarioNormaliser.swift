import Foundation

/// What `EngineScenarioTests` takes out of both runs' outputs before comparing them: what cannot
/// be the same between a real client on the host's clock and `lab sh` on the simulated one, and
/// orders the real client takes from Go maps; as EngineClientTests and Fixtures/swarm/normalize.py
/// normalise, applied to each command's stdout and stderr alike:
/// - EngineClientTests' rules: times of day, relative ages, `docker top` start times, column
///   widths, `docker info`'s runtimes and the rows of one image in `docker images`;
/// - Go's `Time.String()` of a `--pretty` (`… +0000 utc`), the scenario's folder;
/// - ids (64 hex digits, swarm's 25 characters, and their 12-character truncations), numbered by
///   first appearance in the output, a truncation sharing its id's number: a stack's objects are
///   created in Go map order, so which gets which id varies, as on a real engine;
/// - the progress of attached service commands: refreshes (five a second) fold to one line, and
///   the stability wait's countdown;
/// - orders that vary on a real engine too: consecutive `Creating|Updating|Removing service|
///   network|secret|config` lines of a stack, nslookup's answers, a service's secrets and configs
///   (the client collects them in a Go map), the rows of `docker images --format` without a table.
enum ScenarioNormaliser {
    static func normalise(_ text: String, command: String) -> String {
        var s = EngineClientTests.normalise(text, command: command)
        if command.hasPrefix("docker images --format") && !command.contains("table") { s = sortedLines(s) }
        if command.contains("ContainerSpec.Secrets") || command.contains("ContainerSpec.Configs") { s = sortedLines(s) }
        s = s.replacingOccurrences(of: #"/tmp/scenario\.[A-Za-z0-9]{4}\b"#, with: "/tmp/scenario.<tmp>", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} utc"#, with: "<TIME>", options: .regularExpression)
        s = s.replacingOccurrences(of: #"Waiting \d+ seconds to verify"#, with: "Waiting <n> seconds to verify", options: .regularExpression)
        // Orders first, then ids by first appearance (so a run's order does not number them).
        s = sortRuns(s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), nslookup: command.contains("nslookup"))
            .joined(separator: "\n")
        s = numberIDs(s)
        var lines: [String] = []
        for line in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let last = lines.last, line == last,
               line.hasPrefix("overall progress:") || line.hasPrefix("verify:") || line.range(of: #"^\d+/\d+:"#, options: .regularExpression) != nil {
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func sortedLines(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).sorted().joined(separator: "\n")
    }

    static let idPatterns = [#"(?<![0-9a-zA-Z])[0-9a-f]{64}(?![0-9a-zA-Z])"#, #"(?<![0-9a-zA-Z])(?=[0-9a-z]*[0-9])[0-9a-z]{25}(?![0-9a-zA-Z])"#,
                             #"(?<![0-9a-zA-Z<#])(?=[0-9a-z]*[0-9])[0-9a-z]{12}(?![0-9a-zA-Z])"#].map { try! NSRegularExpression(pattern: $0) }

    /// Ids numbered by first appearance; a 12-character truncation takes its whole id's number.
    static func numberIDs(_ text: String) -> String {
        var full: [String: Int] = [:], short: [String: Int] = [:], count = 0
        func name(_ v: String) -> String {
            let key = String(v.prefix(12))
            if v.count > 12 {
                if full[v] == nil {
                    if let n = short[key] { full[v] = n } else { count += 1; full[v] = count; short[key] = count }
                }
                return "<id#\(full[v]!)>"
            }
            if short[key] == nil { count += 1; short[key] = count }
            return "<id#\(short[key]!)>"
        }
        var s = text
        for re in idPatterns {
            for m in re.matches(in: s, range: NSRange(s.startIndex..., in: s)).reversed() {
                guard let r = Range(m.range, in: s) else { continue }
                s.replaceSubrange(r, with: name(String(s[r])))
            }
        }
        return s
    }

    static let runPattern = try! NSRegularExpression(pattern: #"^(Creating|Updating|Removing) (service|network|secret|config) "#)

    /// Runs of a stack's lines sorted; nslookup's Name/Address pairs sorted.
    static func sortRuns(_ lines: [String], nslookup: Bool) -> [String] {
        func matches(_ l: String) -> Bool { runPattern.firstMatch(in: l, range: NSRange(l.startIndex..., in: l)) != nil }
        var out: [String] = []
        var i = 0
        while i < lines.count {
            if matches(lines[i]) {
                var j = i
                while j < lines.count, matches(lines[j]) { j += 1 }
                out += lines[i..<j].sorted()
                i = j
            } else if nslookup, lines[i].hasPrefix("Name:") {
                var pairs: [[String]] = []
                var j = i
                while j + 1 < lines.count, lines[j].hasPrefix("Name:"), lines[j + 1].hasPrefix("Address:") {
                    pairs.append([lines[j], lines[j + 1]])
                    j += 2
                }
                if pairs.isEmpty { out.append(lines[i]); i += 1; continue }
                out += pairs.sorted { $0.joined() < $1.joined() }.flatMap { $0 }
                i = j
            } else {
                out.append(lines[i])
                i += 1
            }
        }
        return out
    }
}
