import Foundation
@testable import LabCore

/// Running docker in a fresh lab for the BuildKit tests: each line's standard output, standard
/// error and status apart, and the normalisation the tables compare after (digests and the
/// ids of cache records, which are the lab's own numbers).
enum BuildKitTestSupport {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// A lab whose /app holds `files` (relative path → text), the shell in /app.
    static func lab(_ files: [String: String]) -> Lab {
        var lab = Lab()
        try! lab.machine.files.makeDirectory("/app", parents: true)
        for (path, text) in files {
            try! lab.machine.files.makeDirectory(VirtualFileSystem.parent(of: "/app/" + path), parents: true)
            try! lab.machine.files.write(text, to: "/app/" + path)
        }
        _ = run("cd /app", in: &lab)
        return lab
    }

    static func run(_ line: String, in lab: inout Lab) -> Result {
        let out = CapturedOutput()
        let outcome = LabShell(terminalAttached: false).run(line, origin: .commandString, lab: &lab, output: out)
        return Result(stdout: out.stdout, stderr: out.stderr, status: outcome.status)
    }

    static let digest = try! NSRegularExpression(pattern: "sha256:[0-9a-f]{64}")
    static let recordRef = try! NSRegularExpression(pattern: "ref [A-Z0-9:]+::[0-9a-z]{25}")

    /// Digests as `sha256:<digest>` and record refs as `ref <ref>`.
    static func normalised(_ text: String) -> String {
        var out = text
        for (pattern, replacement) in [(digest, "sha256:<digest>"), (recordRef, "ref <ref>")] {
            out = pattern.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: replacement)
        }
        return out
    }
}

extension Lab {
    /// The lab as the oracle's client was: without the buildx plugin (the recorded fixtures).
    mutating func removeBuildx() {
        for m in machines.indices { try? machines[m].files.remove(BuilderRouting.pluginPath) }
    }
}
