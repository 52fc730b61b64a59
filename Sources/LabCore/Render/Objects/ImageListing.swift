/// `docker images` / `docker image ls`: the daemon's image list (Engine 20.10 daemon/images:
/// newest first, reference filters per tag) and docker/cli's image formatter (one row per tag,
/// `<none>` for untagged images).
extension ObjectListing {
    static let imageHeaders: JSONValue = [
        "ID": "IMAGE ID", "Repository": "REPOSITORY", "Tag": "TAG", "Digest": "DIGEST", "CreatedSince": "CREATED",
        "CreatedAt": "CREATED AT", "Size": "SIZE", "Containers": "CONTAINERS", "VirtualSize": "SIZE",
        "SharedSize": "SHARED SIZE", "UniqueSize": "UNIQUE SIZE",
    ]
    static let imageFormat = ListFormat(structType: "*formatter.imageContext", headers: imageHeaders)

    /// One row of `docker images`: an image under one repository:tag (or digest).
    struct ImageRow {
        let image: ImageFacts
        let repository: String
        let tag: String
        let digest: String
    }

    /// What a row shows of its image: a whole LocalImage in every row would copy all its fields.
    struct ImageFacts {
        let id: String
        let shortID: String
        let created: Double
        let size: Int64

        init(_ image: LocalImage) {
            id = image.id
            shortID = image.shortID
            created = image.created
            size = image.size
        }
    }

    public static func images(_ invocation: DockerInvocation, engine: DockerEngine, now: Double) -> CommandOutput {
        let filters = ListFilters(invocation.values("filter") + invocation.arguments.prefix(1).map { "reference=" + $0 })
        let selected: [LocalImage]
        switch imageSelection(filters, all: invocation.flag("all"), engine: engine) {
        case .success(let list): selected = list
        case .failure(let error): return .daemonError(error)
        }
        let format = ListFormat.format(invocation)
        // docker/cli needDigest: --digests, or a format that reads {{.Digest}}.
        let digests = invocation.flag("digests") || format.contains("{{.Digest}}")
        let trunc = !invocation.flag("no-trunc")
        let rows = selected.flatMap { imageRows($0, digests: digests) }
        if ListFormat.isDefaultTable(format) {
            if invocation.flag("quiet") {
                return CommandOutput(stdout: rows.map { imageID($0.image, trunc: trunc) + "\n" }.joined())
            }
            var header = ["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]
            if invocation.flag("digests") { header.insert("DIGEST", at: 2) }
            var sizes: [Int64: String] = [:]
            let cells = rows.map { r -> [String] in
                let size = sizes[r.image.size] ?? HumanSize.decimal(Double(r.image.size))
                sizes[r.image.size] = size
                var c = [r.repository, r.tag, imageID(r.image, trunc: trunc), createdSince(r.image, now: now), size]
                if invocation.flag("digests") { c.insert(r.digest, at: 2) }
                return c
            }
            return CommandOutput(stdout: ListFormat.table(header, cells))
        }
        return imageFormat.render(format: format) { rows.map { imageRow($0, now: now, trunc: trunc) } }
    }

    /// The images the daemon lists for these filters (Engine 20.10 daemon/images: newest first,
    /// a build's intermediate images only with `all`), each with only the names a reference
    /// filter matched and its repository digests.
    static func imageSelection(_ filters: ListFilters, all: Bool, engine: DockerEngine) -> Result<[LocalImage], EngineError> {
        if let bad = filters.invalidKey(accepted: ["dangling", "label", "before", "since", "reference"]) {
            return .failure(.other(bad, status: 400))
        }
        var dangling: Bool?
        for v in filters["dangling"] {
            guard v == "true" || v == "false" else { return .failure(.other("Invalid filter 'dangling=[\(v)]'", status: 400)) }
            dangling = v == "true"
        }
        var before: Double?, since: Double?
        for (key, values) in [("before", filters["before"]), ("since", filters["since"])] {
            for v in values {
                guard let i = engine.imageIndex(v) else { return .failure(.noSuchImage(ImageName(v).familiar)) }
                if key == "before" { before = engine.images[i].created } else { since = engine.images[i].created }
            }
        }
        var order = Array(engine.images.indices)
        order.sort { a, b in
            let ca = engine.images[a].created.rounded(.down), cb = engine.images[b].created.rounded(.down)
            return ca != cb ? ca > cb : a > b
        }
        var out: [LocalImage] = []
        // A build's intermediate images (untagged parents of other images) show only with -a.
        let parents = Set(engine.images.compactMap { $0.built?.parent })
        for i in order {
            var image = engine.images[i]
            if !all && image.repoTags.isEmpty && parents.contains(image.id) { continue }
            image.repoDigests = ImageInspect.repoDigests(image)
            if let before, image.created >= before { continue }
            if let since, image.created <= since { continue }
            if filters.has("label") && !filters.matchLabels("label", image.built?.labels ?? [:]) { continue }
            if let dangling, dangling != image.repoTags.isEmpty { continue }
            if filters.has("reference") {
                image.repoTags = image.repoTags.filter { t in filters["reference"].contains { referenceMatch($0, t) } }
                image.repoDigests = image.repoDigests.filter { d in filters["reference"].contains { referenceMatch($0, d) } }
                if image.repoTags.isEmpty && image.repoDigests.isEmpty { continue }
            }
            out.append(image)
        }
        return .success(out)
    }

    /// reference.FamiliarMatch: the pattern against `name:tag` (or `name@digest`), then the name alone.
    static func referenceMatch(_ pattern: String, _ reference: String) -> Bool {
        if ListFilters.globMatch(pattern, reference) { return true }
        let name = reference.firstIndex(of: "@").map { String(reference[..<$0]) } ?? ImageName(reference).repository
        return ListFilters.globMatch(pattern, name)
    }

    /// docker/cli imageFormatTaggedAndDigest: a row per tag (grouped by repository), per digest of
    /// that repository with --digests; repositories known only by digest get a `<none>` tag.
    static func imageRows(_ local: LocalImage, digests showDigests: Bool) -> [ImageRow] {
        let image = ImageFacts(local)
        if local.repoTags.isEmpty && local.repoDigests.isEmpty {
            return [ImageRow(image: image, repository: "<none>", tag: "<none>", digest: "<none>")]
        }
        // Few names per image: kept in small arrays, in the order they first appear.
        var repos: [String] = []
        var tags: [[String]] = []
        var digestRepos: [String] = []
        var digests: [[String]] = []
        for t in local.repoTags {
            let name = ImageName(t)
            if let k = repos.firstIndex(of: name.repository) {
                tags[k].append(name.tag ?? "latest")
            } else {
                repos.append(name.repository)
                tags.append([name.tag ?? "latest"])
            }
        }
        for d in local.repoDigests {
            guard let at = d.firstIndex(ascii: UInt8(ascii: "@")) else { continue }
            let repo = String(d[..<at])
            let digest = String(d[d.index(after: at)...])
            if let k = digestRepos.firstIndex(of: repo) {
                digests[k].append(digest)
            } else {
                digestRepos.append(repo)
                digests.append([digest])
            }
        }
        func digestsOf(_ repo: String) -> [String] { digestRepos.firstIndex(of: repo).map { digests[$0] } ?? [] }
        var rows: [ImageRow] = []
        for (k, repo) in repos.enumerated() {
            let ds = showDigests ? digestsOf(repo) : []
            for tag in tags[k] {
                if ds.isEmpty {
                    rows.append(ImageRow(image: image, repository: repo, tag: tag, digest: "<none>"))
                } else {
                    for d in ds { rows.append(ImageRow(image: image, repository: repo, tag: tag, digest: d)) }
                }
            }
        }
        for (k, repo) in digestRepos.enumerated() where !repos.contains(repo) {
            if showDigests {
                for d in digests[k] { rows.append(ImageRow(image: image, repository: repo, tag: "<none>", digest: d)) }
            } else {
                rows.append(ImageRow(image: image, repository: repo, tag: "<none>", digest: ""))
            }
        }
        return rows
    }

    static func imageID(_ image: ImageFacts, trunc: Bool) -> String { trunc ? image.shortID : image.id }

    static func createdSince(_ image: ImageFacts, now: Double) -> String {
        HumanDuration.text(seconds: now - image.created.rounded(.down)) + " ago"
    }

    /// One `docker images` row as `{{json .}}` marshals formatter.imageContext.
    static func imageRow(_ r: ImageRow, now: Double, trunc: Bool) -> JSONValue {
        let size = Double(r.image.size)
        return [
            "Containers": "N/A",
            "CreatedAt": .string(DockerTime.goString(seconds: r.image.created)),
            "CreatedSince": .string(createdSince(r.image, now: now)),
            "Digest": .string(r.digest.isEmpty ? "<none>" : r.digest),
            "ID": .string(imageID(r.image, trunc: trunc)),
            "Repository": .string(r.repository),
            "SharedSize": "N/A",
            "Size": .string(HumanSize.decimal(size)),
            "Tag": .string(r.tag),
            "UniqueSize": "N/A",
            "VirtualSize": .string(HumanSize.format(size, base: 1000, units: HumanSize.decimal, precision: 4)),
        ]
    }
}
