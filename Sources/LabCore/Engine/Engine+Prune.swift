/// The prunes of the Engine API (POST /containers/prune, /networks/prune, /images/prune; the
/// volumes' is in Engine+Volumes): each removes what nothing uses and reports what went, as the
/// daemon's prune reports do, keeping what --filter spares (PruneFilters). `docker system prune`
/// runs them one after the other.
extension DockerEngine {
    /// What one prune removed: the report's deleted entries (container ids, network names, or
    /// the images' `untagged: …`/`deleted: …` lines) and the space it gave back.
    public struct PruneReport: Sendable, Equatable {
        public var deleted: [String] = []
        public var spaceReclaimed: Int64 = 0
    }

    /// Removes every container that is not running (created, exited, dead); their writable
    /// layers are not measured, so no space comes back (see DiskUsage).
    public mutating func pruneContainers(_ filters: PruneFilters = PruneFilters(), now: Double) throws(EngineError) -> PruneReport {
        try filters.validate(PruneFilters.containers)
        let until = try filters.until(now: now)
        let gone = containers.filter { !$0.state.running && !filters.keeps(created: $0.created, labels: $0.config.labels, until: until) }.map(\.id)
        for id in gone { try? remove(id, force: false, volumes: false, now: now) }
        return PruneReport(deleted: gone)
    }

    /// Removes the user networks no container is attached to; their names, as the oracle listed
    /// them (Fixtures/engine/transcripts/05-networks: newest name first).
    public mutating func pruneNetworks(_ filters: PruneFilters = PruneFilters(), now: Double) throws(EngineError) -> PruneReport {
        try filters.validate(PruneFilters.networks)
        let until = try filters.until(now: now)
        let used = Set(containers.flatMap { $0.endpoints.filter { !$0.ipAddress.isEmpty }.map(\.networkID) })
        let gone = networks.filter { !$0.isPredefined && !used.contains($0.id) && !filters.keeps(created: $0.created, labels: $0.labels, until: until) }
        for n in gone { recordEvent(.network(n, "destroy", time: now)) }
        networks.removeAll { n in gone.contains { $0.id == n.id } }
        for c in containers.indices { containers[c].endpoints.removeAll { e in gone.contains { $0.id == e.networkID } } }
        return PruneReport(deleted: gone.map(\.name).sorted().reversed())
    }

    /// `docker image prune` (moby daemon/images/image_prune.go): the images no container uses
    /// that are heads (no image is built on them) without a name, or with `all` every one but the
    /// unnamed intermediate ones, that the filters do not spare; each is deleted with its
    /// untagged parents, newest first (with `all` by each of its names, as `docker rmi` does).
    /// The report's lines are the daemon's `untagged: …`/`deleted: …`; the space, the bytes of the
    /// layers no image holds any more and the sizes of the pulled images deleted.
    public mutating func pruneImages(all: Bool, _ filters: PruneFilters = PruneFilters(), now: Double) throws(EngineError) -> PruneReport {
        try filters.validate(PruneFilters.images)
        let until = try filters.until(now: now)
        let used = Set(containers.map(\.imageID))
        func hasChildren(_ id: String) -> Bool { images.contains { $0.built?.parent == id } }
        func held() -> [String: Int64] {
            var sizes: [String: Int64] = [:]
            for image in images {
                for step in image.built?.history ?? [] { if let layer = step.layer { sizes[layer] = step.size } }
                if image.built == nil { sizes[image.id] = image.size }
            }
            return sizes
        }
        let before = held()
        let top = images.filter { image in
            !used.contains(image.id) && (all ? !(image.repoTags.isEmpty && hasChildren(image.id)) : image.repoTags.isEmpty && !hasChildren(image.id))
                && !filters.keeps(created: image.created, labels: image.built?.labels ?? [:], until: until)
        }
        var lines: [String] = []
        for image in top.reversed() where images.contains(where: { $0.id == image.id }) {
            if image.repoTags.isEmpty {
                try? deleteImage(image.id, force: false, prune: true, quiet: false, now: now, into: &lines)
            } else {
                for tag in image.repoTags { lines += (try? removeImage(tag, force: false, now: now)) ?? [] }
            }
        }
        let after = held()
        // The client's report spells the daemon's items in lower case.
        let deleted = lines.map { $0.hasPrefix("Untagged: ") ? "untagged: " + $0.dropFirst(10) : "deleted: " + $0.dropFirst(9) }
        return PruneReport(deleted: deleted, spaceReclaimed: before.reduce(0) { $0 + (after[$1.key] == nil ? $1.value : 0) })
    }
}
