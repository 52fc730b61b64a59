/// `docker version` (docker/cli cli/command/system/version.go v28.2.2): the client's and the
/// server's versions, as the lab's machines show them. Every value is the oracle's (docker 28.2.2
/// client, Debian's Engine 20.10.24 negotiated down to API 1.41, containerd, runc, docker-init),
/// recorded in Fixtures/engine/transcripts/20-version-info.txt; none is the lab's own.
enum VersionInfo {
    static let clientVersion = "28.2.2"
    static let apiVersion = "1.41"
    static let defaultAPIVersion = "1.50"
    static let serverVersion = "20.10.24+dfsg1"
    static let kernelVersion = "6.18.44-fc-v669"

    /// The plain output.
    static let text = """
        Client:
         Version:           28.2.2
         API version:       1.41 (downgraded from 1.50)
         Go version:        go1.24.3
         Git commit:        e6534b4
         Built:             Fri May 30 12:07:14 2025
         OS/Arch:           linux/amd64
         Context:           default

        Server:
         Engine:
          Version:          20.10.24+dfsg1
          API version:      1.41 (minimum version 1.12)
          Go version:       go1.19.8
          Git commit:       5d6db84
          Built:            Thu May  7 21:09:36 2026
          OS/Arch:          linux/amd64
          Experimental:     false
         containerd:
          Version:          1.6.20~ds1
          GitCommit:        1.6.20~ds1-1+deb12u3
         runc:
          Version:          1.1.5+ds1
          GitCommit:        1.1.5+ds1-1+deb12u1
         docker-init:
          Version:          0.19.0
          GitCommit:        

        """

    /// What `--format` reads: the client's versionInfo (Client, Server) in its field order.
    static let data: JSONValue = [
        "Client": [
            "Version": "28.2.2", "ApiVersion": "1.41", "DefaultAPIVersion": "1.50", "GitCommit": "e6534b4",
            "GoVersion": "go1.24.3", "Os": "linux", "Arch": "amd64", "BuildTime": "Fri May 30 12:07:14 2025",
            "Context": "default",
        ],
        "Server": [
            "Platform": ["Name": ""],
            "Components": [
                ["Name": "Engine", "Version": "20.10.24+dfsg1", "Details": [
                    "ApiVersion": "1.41", "Arch": "amd64", "BuildTime": "Thu May  7 21:09:36 2026", "Experimental": "false",
                    "GitCommit": "5d6db84", "GoVersion": "go1.19.8", "KernelVersion": "6.18.44-fc-v669",
                    "MinAPIVersion": "1.12", "Os": "linux",
                ]],
                ["Name": "containerd", "Version": "1.6.20~ds1", "Details": ["GitCommit": "1.6.20~ds1-1+deb12u3"]],
                ["Name": "runc", "Version": "1.1.5+ds1", "Details": ["GitCommit": "1.1.5+ds1-1+deb12u1"]],
                ["Name": "docker-init", "Version": "0.19.0", "Details": ["GitCommit": ""]],
            ],
            "Version": "20.10.24+dfsg1", "ApiVersion": "1.41", "MinAPIVersion": "1.12", "GitCommit": "5d6db84",
            "GoVersion": "go1.19.8", "Os": "linux", "Arch": "amd64", "KernelVersion": "6.18.44-fc-v669",
            "BuildTime": "2026-05-07T21:09:36.000000000+00:00",
        ],
    ]

    /// The same with the Go structs' field names, which templates read: `APIVersion` is
    /// `ApiVersion` in JSON (so `{{.Client.ApiVersion}}` fails, as the oracle shows).
    static let goFields: JSONValue = {
        guard case .object(var root) = data else { return data }
        for part in ["Client", "Server"] {
            guard case .object(let o)? = root[part] else { continue }
            root[part] = .object(JSONObject(o.entries.map { ($0.key == "ApiVersion" ? "APIVersion" : $0.key, $0.value) }))
        }
        return .object(root)
    }()

    /// `docker version [--format F]`. The template is named "version"; its output goes through
    /// a tabwriter (min width 20, padding 1) and ends with a newline, even after an execution
    /// error (status 1, Go's message alone); a parse error is status 64.
    static func output(_ i: DockerInvocation) -> CommandOutput {
        guard let format = i.value("format"), !format.isEmpty else { return CommandOutput(stdout: text) }
        let template: GoTemplate
        do {
            template = try TemplateCache.shared.template(format == "json" ? "{{json .}}" : format, name: "version")
        } catch {
            return CommandOutput(stderr: "template parsing error: " + error.message + "\n", status: 64)
        }
        if template.source.filter({ !$0.isWhitespace }) == "{{json.}}" {
            return CommandOutput(stdout: data.compactJSON(escapeHTML: false) + "\n")
        }
        let options = GoTemplate.Options(missingKey: .structType("system.versionInfo"))
        let (written, error) = template.renderPartial(goFields, options: options)
        let stdout = TabWriter(minWidth: 20, padding: 1).format(written + "\n")
        guard let error else { return CommandOutput(stdout: stdout) }
        return CommandOutput(stdout: stdout, stderr: nestedType(error.message) + "\n", status: 1)
    }

    /// The template engine names the root's type in a missing-field error; a field of `.Client`
    /// or `.Server` is missing from that struct's own type (clientVersion, *types.Version).
    static func nestedType(_ message: String) -> String {
        let root = "in type system.versionInfo"
        guard message.hasSuffix(root) else { return message }
        for (prefix, type) in [("at <.Client.", "system.clientVersion"), ("at <.Server.", "*types.Version")]
        where message.contains(prefix) {
            return String(message.dropLast(root.count)) + "in type " + type
        }
        return message
    }
}
