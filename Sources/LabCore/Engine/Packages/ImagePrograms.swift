import Foundation

/// What a container's image gives its processes before any package is installed: the image's
/// family, its system, and the programs of both.
struct ImagePrograms: Sendable {
    let family: ImageFamily
    let system: ImageSystem
    /// The family's programs with the system's package managers and Python, and a database
    /// image's own clients (`pg_isready`, `mysqladmin`, `redis-cli`).
    let table: ProgramTable

    /// The image of a container run as `reference` (its image's id `imageID` in `engine`).
    /// A reference the catalogue knows gives the same every time, so it is worked out once
    /// (`ImagePrograms.cache`); any other is looked up in the engine's images again.
    static func of(image reference: String, imageID: String, engine: DockerEngine) -> ImagePrograms {
        if let known = cache.value(reference) { return known }
        let family = ImageFamily.of(image: reference, imageID: imageID, engine: engine)
        let system = ImageSystem.of(image: reference, imageID: imageID, engine: engine)
        let table = ContainerRuntime.withDatabaseClients(system.distribution == .none && system.python == nil
            ? family.programs : SystemProgramsCache.shared.table(family: family, system: system), image: reference)
        let entry = ImagePrograms(family: family, system: system, table: table)
        if ImageFamily.family(named: reference) != nil { cache.remember(entry, for: reference) }
        return entry
    }

    /// The programs a process can start in a container of this image with `files`: the table,
    /// and what packages installed in the files (the table itself, not copied, when none did).
    func programs(files: VirtualFileSystem) -> ProgramTable {
        let installed = InstalledPackages.programs(in: files, python: system.python)
        if installed.isEmpty { return table }
        var table = self.table
        for (name, path, program) in installed { table.register(name, program, path: path) }
        return table
    }
}

extension ImagePrograms {
    /// `ImagePrograms` of the catalogue's references met so far.
    static let cache = BoundedCache<String, ImagePrograms>()
}
