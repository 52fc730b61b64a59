/// `docker image history` (docker/cli cli/command/image/history.go and formatter_history.go
/// v28.2.2). The lab's images are the oracle's stand-ins, which `docker import` made from one
/// busybox tree: each has a single layer, created with the image, with no CREATED BY and the
/// comment "Imported from -" (Fixtures/engine/transcripts/23-history-df.txt).
enum ImageHistory {
    static let headers: JSONValue = [
        "ID": "IMAGE", "CreatedSince": "CREATED", "CreatedAt": "CREATED AT", "CreatedBy": "CREATED BY", "Size": "SIZE",
        "Comment": "COMMENT",
    ]
    static let list = ListFormat(structType: "*image.historyContext", headers: headers)

    /// One layer of an image's history (the Engine API's HistoryResponseItem).
    struct Layer {
        var id: String
        var created: Double
        var createdBy: String
        var size: Int64
        var comment: String
    }

    /// A pulled image's one imported layer; a built image's steps, newest first, then its base's layer.
    static func layers(_ image: LocalImage, engine: DockerEngine) -> [Layer] {
        guard let built = image.built else {
            return [Layer(id: image.id, created: image.created, createdBy: "", size: image.size, comment: "Imported from -")]
        }
        let steps = built.history.map { Layer(id: $0.imageID ?? "<missing>", created: $0.created, createdBy: $0.createdBy, size: $0.size, comment: $0.comment ?? "") }
        if built.baseInHistory == true { return steps }
        let base = engine.imageIndex(built.base).map { layers(engine.images[$0], engine: engine) } ?? []
        return steps + base
    }

    static func output(_ i: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput {
        let reference = i.arguments[0]
        guard let k = engine.imageIndex(reference) else {
            return CommandOutput.daemonError(.noSuchImage(ImageName(reference).familiar))
        }
        let human = i.options["human"] == nil || i.flag("human")
        let trunc = !i.flag("no-trunc")
        let rows = layers(engine.images[k], engine: engine)
        var format = ListFormat.format(i)
        if ListFormat.isDefaultTable(format) {
            if i.flag("quiet") {
                return CommandOutput(stdout: rows.map { id($0, trunc: trunc) + "\n" }.joined())
            }
            format = human
                ? "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
                : "table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"
        }
        return list.render(format: format) { rows.map { row($0, now: now, human: human, trunc: trunc) } }
    }

    /// TruncateID: the hex digits without `sha256:`, cut to 12.
    static func id(_ layer: Layer, trunc: Bool) -> String {
        guard trunc else { return layer.id }
        let hex = layer.id.hasPrefix("sha256:") ? String(layer.id.dropFirst(7)) : layer.id
        return String(hex.prefix(12))
    }

    /// The formatter's historyContext (keys sorted, as its JSON).
    static func row(_ l: Layer, now: Double, human: Bool, trunc: Bool) -> JSONValue {
        let createdAt = DockerTime.rfc3339(l.created)
        let createdBy = l.createdBy.replacingOccurrences(of: "\t", with: " ")
        let since = !human ? createdAt
            : l.created <= 946_684_800 ? "N/A" : HumanDuration.text(seconds: now - l.created) + " ago"
        return [
            "Comment": .string(l.comment),
            "CreatedAt": .string(createdAt),
            "CreatedBy": .string(trunc ? ListFormat.ellipsis(createdBy, 45) : createdBy),
            "CreatedSince": .string(since),
            "ID": .string(id(l, trunc: trunc)),
            "Size": .string(human ? HumanSize.decimal(Double(l.size)) : String(l.size)),
        ]
    }
}
