/// What docker's list commands print (`docker ps`, `images`, `network ls`, `volume ls`): the
/// daemon's filtering and order, then docker/cli's formatter (v28.2.2) with its default tables,
/// `-q`, `--no-trunc`, `json` and custom templates. Each returns the command's whole output.
public enum ObjectListing {
    static let containerHeaders: JSONValue = [
        "ID": "CONTAINER ID", "Names": "NAMES", "Image": "IMAGE", "Command": "COMMAND", "CreatedAt": "CREATED AT",
        "RunningFor": "CREATED", "Ports": "PORTS", "State": "STATE", "Status": "STATUS", "Size": "SIZE", "Labels": "LABELS",
        "Mounts": "MOUNTS", "LocalVolumes": "LOCAL VOLUMES", "Networks": "NETWORKS", "Platform": "PLATFORM",
    ]

    static let containerFormat = ListFormat(
        structType: "*formatter.ContainerContext", headers: containerHeaders, methods: ["Label": ListFormat.labelMethod],
        headerMethods: ["Label": ListFormat.labelHeader])

    static let containerFilters: Set<String> = [
        "ancestor", "before", "expose", "exited", "health", "id", "is-task", "isolation", "label", "name", "network",
        "publish", "since", "status", "volume",
    ]
    static let states: Set<String> = ["created", "restarting", "running", "removing", "paused", "exited", "dead"]

    /// `docker ps` / `docker container ls`.
    public static func containers(_ invocation: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput {
        let format = ListFormat.format(invocation)
        let quiet = invocation.flag("quiet")
        let trunc = !invocation.flag("no-trunc")
        var out = CommandOutput()
        var sizeUsed = false
        if !format.isEmpty {
            // docker ps checks the unprocessed format against an empty row before asking the daemon.
            do {
                let t = try TemplateCache.shared.template(format)
                _ = try t.render(emptyRow, options: containerFormat.options)
            } catch {
                let what = error.isParseError ? "failed to parse template: " : "failed to execute template: "
                return CommandOutput(stderr: what + error.message + "\n", status: 1)
            }
            // docker asks for sizes when the template reads .Size (marshalling the whole row reads it
            // too); the bare `json` format is not executed by that check.
            sizeUsed = format != "json" && (format.contains("Size") || format.contains("json"))
            if quiet { out.stderr = "WARNING: Ignoring custom format, because both --format and --quiet are set.\n" }
        }
        let wantSize = invocation.options["size"] != nil ? invocation.flag("size") : (!quiet && sizeUsed)
        let selected: [Int]
        switch select(invocation, engine: engine) {
        case .success(let list): selected = list
        case .failure(let error): return CommandOutput.daemonError(error)
        }
        if quiet {
            out.stdout = selected.map { (trunc ? engine.containers[$0].shortID : engine.containers[$0].id) + "\n" }.joined()
            return out
        }
        if ListFormat.isDefaultTable(format) {
            var header = ["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]
            if invocation.flag("size") { header.append("SIZE") }
            let rows = selected.map { i -> [String] in
                let c = engine.containers[i]
                var cells = [trunc ? c.shortID : c.id, image(c, engine: engine, trunc: trunc), command(c, trunc: trunc),
                             runningFor(c, now: now), c.state.display(now: now), PortDisplay.display(PortDisplay.ports(c)), c.name]
                if invocation.flag("size") { cells.append(size(c, engine: engine, requested: true)) }
                return cells
            }
            out.stdout = ListFormat.table(header, rows)
            return out
        }
        let rendered = containerFormat.render(format: format, rowsReading: { fields in
            // `.Label "x"` reads the row's Labels.
            let only = fields.map { $0.contains("Label") ? $0.union(["Labels"]) : $0 }
            let mask = rowMask(only)
            return selected.map { row(engine.containers[$0], engine: engine, now: now, trunc: trunc, size: wantSize, mask: mask) }
        })
        out.append(rendered)
        return out
    }

    /// The row every `--format` is checked against before the daemon is asked.
    static let emptyRow: JSONValue = .object(JSONObject(
        ["Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names", "Networks", "Platform", "Ports",
         "RunningFor", "Size", "State", "Status"].map { ($0, JSONValue.string("")) }))

    /// One `docker ps` row (formatter.ContainerContext as `{{json .}}` marshals it); with `only`,
    /// just those of its fields (in the same order), for a template known to read no others.
    public static func row(_ c: Container, engine: DockerEngine, now: Double, trunc: Bool, size wantSize: Bool,
                           only: Set<String>? = nil) -> JSONValue {
        row(c, engine: engine, now: now, trunc: trunc, size: wantSize, mask: rowMask(only))
    }

    /// A row's keys, in its order.
    static let rowKeys = ["Command", "CreatedAt", "ID", "Image", "Labels", "LocalVolumes", "Mounts", "Names", "Networks",
                          "Platform", "Ports", "RunningFor", "Size", "State", "Status"]

    /// Which of `rowKeys` a row needs (nil: all), worked out once for every row.
    static func rowMask(_ only: Set<String>?) -> [Bool]? {
        only.map { o in rowKeys.map { o.contains($0) } }
    }

    static func row(_ c: Container, engine: DockerEngine, now: Double, trunc: Bool, size wantSize: Bool,
                    mask: [Bool]?) -> JSONValue {
        /// Whether the row needs the field at `rowKeys[i]`.
        func wants(_ i: Int) -> Bool { mask?[i] ?? true }
        var o = JSONObject()
        if wants(0) { o[new: "Command"] = .string(command(c, trunc: trunc)) }
        if wants(1) { o[new: "CreatedAt"] = .string(DockerTime.goString(seconds: c.created)) }
        if wants(2) { o[new: "ID"] = .string(trunc ? c.shortID : c.id) }
        if wants(3) { o[new: "Image"] = .string(image(c, engine: engine, trunc: trunc)) }
        if wants(4) { o[new: "Labels"] = .string(ListFormat.labels(c.config.labels)) }
        if wants(5) || wants(6) {
            var mounts: [String] = []
            var local = 0
            for m in c.mounts {
                let name = m.type == "volume" ? (m.name ?? m.source) : m.source
                mounts.append(trunc ? ListFormat.ellipsis(name, 15) : name)
                if m.type == "volume" { local += 1 }
            }
            if wants(5) { o[new: "LocalVolumes"] = .string(String(local)) }
            if wants(6) { o[new: "Mounts"] = .string(mounts.joined(separator: ",")) }
        }
        if wants(7) { o[new: "Names"] = .string(c.name) }
        if wants(8) {
            let networks = ContainerInspect.networkNames(c).sorted { $0.utf8Precedes($1) }
            o[new: "Networks"] = .string(networks.joined(separator: ","))
        }
        if wants(9) { o[new: "Platform"] = .null }
        if wants(10) { o[new: "Ports"] = .string(PortDisplay.display(PortDisplay.ports(c))) }
        if wants(11) { o[new: "RunningFor"] = .string(runningFor(c, now: now)) }
        if wants(12) { o[new: "Size"] = .string(size(c, engine: engine, requested: wantSize)) }
        if wants(13) { o[new: "State"] = .string(c.state.status) }
        if wants(14) { o[new: "Status"] = .string(c.state.display(now: now)) }
        return .object(o)
    }

    /// The daemon's Command (path and arguments, arguments with spaces in single quotes), quoted
    /// with Go's %q after cutting to 20 columns.
    static func command(_ c: Container, trunc: Bool) -> String {
        let text = commandText(c)
        return ListFormat.quote(trunc ? ListFormat.ellipsis(text, 20) : text)
    }

    /// The daemon's Command of a container summary, before the client quotes and cuts it.
    static func commandText(_ c: Container) -> String {
        let args = c.processArguments
        var text = args.first ?? ""
        for a in args.dropFirst() {
            text += " "
            if a.utf8.contains(UInt8(ascii: " ")) {
                text += "'" + a + "'"
            } else {
                text += a
            }
        }
        return text
    }

    /// The IMAGE column: the name the container was created with while it still names the same
    /// image (without a digest when truncating), else the image id.
    static func image(_ c: Container, engine: DockerEngine, trunc: Bool) -> String {
        var name = c.config.image
        if name != c.imageID && !namesOwnImage(c, engine: engine) {
            if let i = engine.imageIndex(name), engine.images[i].id == c.imageID {} else { name = c.imageID }
        }
        if name.isEmpty { return "<no image>" }
        guard trunc else { return name }
        if name.hasPrefix("sha256:") { return String(name.dropFirst(7).prefix(12)) }
        // reference.FamiliarString: no docker.io/ or library/, no digest; the tag as given.
        if let plain = plainFamiliar(name) { return plain }
        var familiar = Substring(name)
        if let at = familiar.firstIndex(of: "@") { familiar = familiar[..<at] }
        for prefix in ["docker.io/", "index.docker.io/"] where familiar.hasPrefix(prefix) { familiar = familiar.dropFirst(prefix.count) }
        if familiar.hasPrefix("library/") && familiar.dropFirst(8).contains("/") == false { familiar = familiar.dropFirst(8) }
        return String(familiar)
    }

    /// The IMAGE column's familiar name cut on the bytes of an ASCII name (each character one
    /// byte), or nil for any other name.
    static func plainFamiliar(_ name: String) -> String? {
        var text = name
        return text.withUTF8 { b -> String? in
            if b.contains(where: { $0 >= 0x80 }) { return nil }
            let end = b.firstIndex(of: UInt8(ascii: "@")) ?? b.count
            var start = 0
            func has(_ p: [UInt8]) -> Bool { end - start >= p.count && b[start..<(start + p.count)].elementsEqual(p) }
            for p in familiarPrefixes where has(p) { start += p.count }
            if has(libraryPrefix) && !b[(start + 8)..<end].contains(UInt8(ascii: "/")) { start += 8 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }
    static let familiarPrefixes: [[UInt8]] = [Array("docker.io/".utf8), Array("index.docker.io/".utf8)]
    static let libraryPrefix: [UInt8] = Array("library/".utf8)

    /// Fast check for the common case: a plain `repo[:tag]` that is one of the container's image's
    /// tags (a tag names one image only, so it then resolves to that image).
    static func namesOwnImage(_ c: Container, engine: DockerEngine) -> Bool {
        let name = c.config.image
        guard !name.isEmpty, !name.utf8.contains(UInt8(ascii: "@")), !name.hasPrefix("sha256:"),
              let i = engine.imageIndex(id: c.imageID) else { return false }
        let slash = name.utf8.lastIndex(of: UInt8(ascii: "/"))
        let colon = name.utf8.lastIndex(of: UInt8(ascii: ":"))
        let tagged = colon != nil && (slash == nil || colon! > slash!)
        let familiar = tagged ? name : name + ":latest"
        if familiar.hasPrefix("docker.io/") || familiar.hasPrefix("library/") || familiar.hasPrefix("index.docker.io/") { return false }
        return engine.images[i].repoTags.contains(familiar)
    }

    static func runningFor(_ c: Container, now: Double) -> String {
        HumanDuration.text(seconds: now - c.created.rounded(.down)) + " ago"
    }

    /// `0B (virtual 1.99MB)` when sizes were asked for, `0B` otherwise (the container's own layer
    /// is not measured: always 0B).
    static func size(_ c: Container, engine: DockerEngine, requested: Bool) -> String {
        guard requested, let i = engine.imageIndex(id: c.imageID), engine.images[i].size > 0 else { return "0B" }
        return "0B (virtual " + HumanSize.decimal(Double(engine.images[i].size)) + ")"
    }
}
