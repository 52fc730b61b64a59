import Foundation
import XCTest
@testable import LabCore

/// Replays every recorded single-node swarm scenario (Fixtures/swarm, recorded on the real
/// engine with ../shared/tools/record-golden.sh) in the simulator and compares each command after
/// the normalisation of Fixtures/swarm/normalize.py: ids numbered by first appearance, tokens,
/// digests, times, relative times, progress refreshes, the order the engine varies, padding.
/// The oracle's host is `vm` at 192.0.2.2 and asks the DNS server 10.255.255.53; the lab's is node1
/// at 192.168.0.11 and asks Lab.resolver: they become <HOST>, <ADDR> and <RESOLVER>.
final class SwarmTranscriptTests: XCTestCase {
    typealias Step = EngineTranscriptTests.Step

    /// The swarm issue's bar.
    static let requiredMatchRate = 0.95

    func testRecordedSwarmScenariosMatchTheRealEngine() throws {
        try Self.compare(folder: "swarm", bar: Self.requiredMatchRate)
    }

    static func scenarioNames(_ folder: String) -> [String] {
        guard let dir = Bundle.module.url(forResource: "Fixtures/\(folder)/transcripts", withExtension: nil) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func transcript(_ folder: String, _ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/\(folder)/transcripts/" + name, withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Runs a scenario's commands in one fresh one-machine lab, each as its own shell line.
    static func simulate(_ steps: [Step]) -> String {
        var lab = Lab()
        // The oracle's docker 28.2.2 client has no buildx plugin: its `docker build` is the legacy
        // builder, `DOCKER_BUILDKIT=1` is refused and `docker buildx` is unknown (Fixtures/build 01).
        lab.removeBuildx()
        let shell = LabShell(terminalAttached: false)
        // The recorder runs each scenario in an empty temporary folder.
        _ = shell.run("mkdir -p /tmp/scenario.lab1 && cd /tmp/scenario.lab1", origin: .commandString, lab: &lab, output: DiscardedOutput())
        var text = ""
        for step in steps {
            lab.machine.shell.lastStatus = 0
            let out = CapturedOutput()
            let outcome = shell.run(oracleStandIn(step.command), origin: .commandString, lab: &lab, output: out)
            var output = out.combined
            if !output.isEmpty && !output.hasSuffix("\n") { output += "\n" }
            text += "$ \(step.command)\n\(output)[rc=\(outcome.status)]\n"
        }
        return text
    }

    /// The command a learner would type for what a recorded line did around the oracle's
    /// stand-ins: Fixtures/build 05 serves a registry by mounting the host's registry binary into
    /// the stand-in `registry` image (which does not serve); the official image serves as it is.
    static func oracleStandIn(_ command: String) -> String {
        guard command.contains("--entrypoint real-registry"), let name = command.range(of: "--name ") else { return command }
        let container = command[name.upperBound...].prefix { $0 != " " }
        let port = command.range(of: "-p ").map { command[$0.upperBound...].prefix { $0 != " " } } ?? "5000:5000"
        return "docker run -d -p \(port) --name \(container) registry"
    }

    static func render(_ steps: [Step]) -> String {
        steps.map { "$ \($0.command)\n\($0.output)[rc=\($0.status)]\n" }.joined()
    }

    /// Replays every scenario of Fixtures/FOLDER and requires `bar` of its commands to match;
    /// the ones that differ are always named (LAB_SHOW_MISMATCHES=1 shows both outputs).
    static func compare(folder: String, bar: Double) throws {
        let names = scenarioNames(folder)
        guard !names.isEmpty else { throw XCTSkip("no \(folder) transcripts recorded") }
        var score = TranscriptScore(folder)
        for name in names {
            let realSteps = EngineTranscriptTests.parseTranscript(try transcript(folder, name))
            let real = EngineTranscriptTests.parseTranscript(SwarmNormaliser.normalise(render(realSteps), host: "vm", addr: "192.0.2.2", resolver: "10.255.255.53"))
            let ours = EngineTranscriptTests.parseTranscript(SwarmNormaliser.normalise(simulate(realSteps), host: "node1", addr: "192.168.0.11", resolver: Lab.resolver))
            for (k, r) in real.enumerated() {
                // The oracle's client has no Compose plugin (`docker: unknown command: docker compose`);
                // the lab's has one, as a learner's Docker does: those lines are not compared.
                if realSteps[k].command.hasPrefix("docker compose") { continue }
                let o = k < ours.count ? ours[k] : Step(command: r.command, output: "<missing>", status: -1)
                score.record(name, command: realSteps[k].command, real: (r.output, r.status), ours: (o.output, o.status))
            }
        }
        score.check(bar: bar)
    }
}

/// Swift's copy of Fixtures/swarm/normalize.py, applied to a whole transcript.
enum SwarmNormaliser {
    static func regex(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p) }
    static let token = regex(#"SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})"#)
    static let digest = regex(#"sha256:[0-9a-f]{64}"#)
    static let hex64 = regex(#"(?<![0-9a-zA-Z])[0-9a-f]{64}(?![0-9a-zA-Z])"#)
    static let id25 = regex(#"(?<![0-9a-zA-Z])(?=[0-9a-z]*[0-9])[0-9a-z]{25}(?![0-9a-zA-Z])"#)
    static let id12 = regex(#"(?<![0-9a-zA-Z<#])(?=[0-9a-z]*[0-9])[0-9a-z]{12}(?![0-9a-zA-Z])"#)
    static let timeRFC = regex(#"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"#)
    static let timeGo = regex(#"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4} (utc|UTC)"#)
    static let rel = regex(#"(Less than a second|less than a second|About an? (minute|hour)|about an? (minute|hour)|an? (minute|hour)|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))(?= ago)"#)
    static let up = regex(#"\bUp (Less than a second|About an? (minute|hour)|\d+ (seconds?|minutes?|hours?))"#)
    static let wait = regex(#"Waiting \d+ seconds to verify"#)
    static let layer = regex(#"^[0-9a-f]{12}: (Waiting|Downloading|Extracting|Verifying Checksum|Download complete)"#)
    static let tableHeader = regex(#"^(ID|CONTAINER ID|NETWORK ID)\s"#)
    static let tableID = regex(#"^(\s*\\_ )?([0-9a-z]{12}|[0-9a-z]{25})(?=\s)"#)
    static let tmpDir = regex(#"/tmp/scenario\.[A-Za-z0-9]{4}\b"#)
    static let project = regex(#"\bscenario[a-z0-9]{4}(?=_|\b)"#)
    static let layerLine = regex(#"^[0-9a-f]{12}: "#)
    static let layerDrop = regex(#"^[0-9a-f]{12}: (Waiting|Pushing|Downloading|Extracting|Verifying Checksum|Download complete|Loading layer)"#)
    static let shortDigest = regex(#"sha256:[0-9a-f]{6,63}\.\.\."#)
    static let composeProgress = regex(#"^((Creating|Starting|Stopping|Removing|Restarting|Recreating|Killing|Pulling|Stopping and removing) \S+ +\.\.\.( |$)|\S+ is up-to-date$)"#)
    /// Docker Hub's answer about an image it lacks: the offline oracle's DNS error, or Hub's own refusal.
    static let hubAnswers = [regex(#"Get "https://registry-1\.docker\.io/v2/": dial tcp: lookup registry-1\.docker\.io on [^ ]+:53: no such host"#),
                             regex(#"pull access denied for [a-z0-9._/-]+, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"#),
                             regex(#"manifest for [a-z0-9_-]+(/[a-z0-9._-]+)*:[A-Za-z0-9._-]+ not found: manifest unknown: manifest unknown"#)]
    static let tagList = regex(#"^(\{"name":"[^"]*","tags":\[)([^\]]*)(\]\})$"#)
    static let proxyClosed = regex(#"(Get "http://127\.0\.0\.1:\d+/v2/": )(EOF|read tcp [0-9.:]+->[0-9.:]+: read: connection reset by peer)$"#)
    /// Runs of lines whose order the engine varies (compose's parallel progress, layers, diff,
    /// compose logs, stack deploys) and nslookup's answers (last: sorted in pairs).
    static let sortedRuns = [composeProgress, regex(#"^<layer>: "#), regex(#"^[ACD] /"#), regex(#"^(\x1b\[[0-9;]*m)?[a-z0-9_.-]+_\d+ +\|"#),
                             regex(#"^(Creating|Updating|Removing) (service|network|secret|config) "#), regex(#"^(Name:\s|Address:\s(?!127\.0\.0\.11))"#)]

    /// Numbers ids by first appearance; a 12-character truncation shares its full id's number.
    final class IDs {
        var full: [String: Int] = [:], short: [String: Int] = [:], count = 0
        func name(_ v: String) -> String {
            if v.count > 12 {
                if full[v] == nil {
                    let s = String(v.prefix(12))
                    if let n = short[s] { full[v] = n } else { count += 1; full[v] = count }
                    if short[s] == nil { short[s] = full[v] }
                }
                return "<id#\(full[v]!)>"
            }
            if short[v] == nil { count += 1; short[v] = count }
            return "<id#\(short[v]!)>"
        }
    }

    static func replace(_ re: NSRegularExpression, in s: String, _ f: (NSTextCheckingResult, String) -> String) -> String {
        var out = s
        for m in re.matches(in: s, range: NSRange(s.startIndex..., in: s)).reversed() {
            guard let r = Range(m.range, in: out) else { continue }
            out.replaceSubrange(r, with: f(m, s))
        }
        return out
    }

    static func group(_ m: NSTextCheckingResult, _ k: Int, _ s: String) -> String {
        guard let r = Range(m.range(at: k), in: s) else { return "" }
        return String(s[r])
    }

    static func normalise(_ text: String, host: String, addr: String, resolver: String) -> String {
        let ids = IDs()
        var tokens: [String: Int] = [:]
        var out: [String] = []
        var inCert = false, tableIDs = false, inNslookup = false
        // Lines split on scalars: "\r\n" is one Character in Swift, and the builder ends a line with "\r\r\n".
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            // A line redrawn with carriage returns keeps what a terminal shows: its last part.
            var line = String(raw.split(separator: "\r").last.map { String(String.UnicodeScalarView($0)) } ?? "")
            if line.hasPrefix("$ ") || line.hasPrefix("[rc=") {
                tableIDs = false; inNslookup = false
                out.append(line)
                continue
            }
            if line.contains("-----BEGIN CERTIFICATE-----") && !line.contains("\\n") { inCert = true; out.append("<certificate>"); continue }
            if inCert { inCert = !line.contains("-----END CERTIFICATE-----"); continue }
            if layer.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
                || layerDrop.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { continue }
            line = line.replacingOccurrences(of: "\u{1B}[0m\u{1B}[91m", with: "")
            line = replace(tmpDir, in: line) { _, _ in "/tmp/scenario.<tmp>" }
            line = replace(project, in: line) { _, _ in "scenario<tmp>" }
            line = replace(shortDigest, in: line) { _, _ in "sha256:<digest>..." }
            line = replace(proxyClosed, in: line) { m, s in group(m, 1, s) + "<EOF or connection reset>" }
            // The oracle cannot reach Docker Hub: its DNS error stands where Hub answers (Fixtures/build/README.md).
            for hub in hubAnswers { line = replace(hub, in: line) { _, _ in "<Docker Hub's answer>" } }
            // Registry 2.8 lists tags in its disk's directory order (distribution tagstore.go, Readdirnames).
            line = replace(tagList, in: line) { m, s in
                group(m, 1, s) + group(m, 2, s).split(separator: ",").map(String.init).sorted().joined(separator: ",") + group(m, 3, s)
            }
            if layerLine.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { line = "<layer>: " + line.dropFirst(14) }
            if line.hasPrefix("Address:") && line.contains("127.0.0.11:53") { inNslookup = true }
            else if inNslookup && (line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces) == "Non-authoritative answer:") { continue }
            line = line.replacingOccurrences(of: #""TrustRoot": "[^"]*""#, with: "\"TrustRoot\": \"<certificate>\"", options: .regularExpression)
            line = line.replacingOccurrences(of: #""CertIssuerPublicKey": "[^"]*""#, with: "\"CertIssuerPublicKey\": \"<key>\"", options: .regularExpression)
            line = line.replacingOccurrences(of: #"^( Issuer Public Key:\s+).*"#, with: "$1<key>", options: .regularExpression)
            line = line.replacingOccurrences(of: #""Index": \d+"#, with: "\"Index\": <n>", options: .regularExpression)
            // The legacy builder's ADD/COPY content hash covers the files' times: an artefact of when.
            line = line.replacingOccurrences(of: #"#\(nop\) (ADD|COPY) (file|dir):[0-9a-f]+"#, with: "#(nop) $1 $2:<hash>", options: .regularExpression)
            line = replace(token, in: line) { m, s in
                let c = tokens["c" + group(m, 1, s)] ?? { tokens["c" + group(m, 1, s)] = tokens.count + 1; return tokens.count }()
                let k = tokens["s" + group(m, 2, s)] ?? { tokens["s" + group(m, 2, s)] = tokens.count + 1; return tokens.count }()
                return "SWMTKN-1-<cluster#\(c)>-<secret#\(k)>"
            }
            line = replace(digest, in: line) { _, _ in "sha256:<digest>" }
            line = replace(timeRFC, in: line) { _, _ in "<time>" }
            line = replace(timeGo, in: line) { _, _ in "<time>" }
            if tableHeader.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { tableIDs = true }
            else if tableIDs { line = replace(tableID, in: line) { m, s in group(m, 1, s) + ids.name(group(m, 2, s)) } }
            line = replace(hex64, in: line) { m, s in ids.name(group(m, 0, s)) }
            line = replace(id25, in: line) { m, s in ids.name(group(m, 0, s)) }
            line = replace(id12, in: line) { m, s in ids.name(group(m, 0, s)) }
            line = replace(rel, in: line) { _, _ in "<rel>" }
            line = replace(up, in: line) { _, _ in "Up <rel>" }
            line = replace(wait, in: line) { _, _ in "Waiting <n> seconds to verify" }
            line = line.replacingOccurrences(of: " on \(resolver):53:", with: " on <RESOLVER>:53:")
            line = line.replacingOccurrences(of: addr, with: "<ADDR>").replacingOccurrences(of: #"\b\#(host)\b"#, with: "<HOST>", options: .regularExpression)
            line = line.replacingOccurrences(of: #" {2,}"#, with: "  ", options: .regularExpression)
            while line.hasSuffix(" ") || line.hasSuffix("\t") { line.removeLast() }
            if composeProgress.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                line = line.replacingOccurrences(of: #" +\.\.\."#, with: " ...", options: .regularExpression)
            }
            if let last = out.last, line == last, line.hasPrefix("overall progress:") || line.hasPrefix("verify:")
                || line.range(of: #"^\d+/\d+:"#, options: .regularExpression) != nil { continue }
            out.append(line)
        }
        var result: [String] = []
        var i = 0
        while i < out.count {
            var sortedRun = false
            for (k, pattern) in sortedRuns.enumerated() {
                var j = i
                while j < out.count, pattern.firstMatch(in: out[j], range: NSRange(out[j].startIndex..., in: out[j])) != nil { j += 1 }
                if j - i > 1 {
                    let block = Array(out[i..<j])
                    if k == sortedRuns.count - 1, stride(from: 0, to: block.count, by: 2).allSatisfy({ block[$0].hasPrefix("Name:") }) {
                        let pairs = stride(from: 0, to: block.count, by: 2).map { Array(block[$0..<min($0 + 2, block.count)]) }
                        result += pairs.sorted { $0.joined(separator: "\n") < $1.joined(separator: "\n") }.flatMap { $0 }
                    } else {
                        result += block.sorted()
                    }
                    i = j
                    sortedRun = true
                    break
                }
            }
            if !sortedRun { result.append(out[i]); i += 1 }
        }
        return result.joined(separator: "\n")
    }
}
