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

    /// Removes the dangling images (no tag) no container uses, or with `all` every image no
    /// container uses: each tag is untagged (with the repository's digest once its last tag
    /// goes, as `docker rmi` does) before the image is deleted. The space is the layers no image
    /// holds any more (the stand-ins share their layer: see DiskUsage).
    public mutating func pruneImages(all: Bool, _ filters: PruneFilters = PruneFilters(), now: Double) throws(EngineError) -> PruneReport {
        try filters.validate(PruneFilters.images)
        let until = try filters.until(now: now)
        let used = Set(containers.map(\.imageID))
        let gone = images.filter {
            !used.contains($0.id) && (all || $0.repoTags.isEmpty) && !filters.keeps(created: $0.created, labels: $0.built?.labels ?? [:], until: until)
        }
        let layersBefore = Set(images.map(\.size))
        var report = PruneReport()
        for image in gone {
            for (k, tag) in image.repoTags.enumerated() {
                report.deleted.append("untagged: " + tag)
                recordEvent(.image(image.id, "untag", name: image.id, time: now))
                let repo = ImageName(tag).repository
                if !image.repoTags[(k + 1)...].contains(where: { ImageName($0).repository == repo }) {
                    report.deleted += image.repoDigests.filter { $0.hasPrefix(repo + "@") }.map { "untagged: " + $0 }
                }
            }
            report.deleted.append("deleted: " + image.id)
            recordEvent(.image(image.id, "delete", name: image.id, time: now))
        }
        images.removeAll { img in gone.contains { $0.id == img.id } }
        report.spaceReclaimed = layersBefore.subtracting(images.map(\.size)).reduce(0, +)
        return report
    }
}
