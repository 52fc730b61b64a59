/// An error the simulated daemon returns, as the Engine API returns it: an HTTP status and the
/// daemon's message. The client prints it as `Error response from daemon: MESSAGE` (or its own
/// variant per command). Each message was printed by the real engine (Engine 20.10 behind the
/// docker 28.2.2 client, ../shared/tools) in the transcript named beside it, or names its source.
public enum EngineError: Error, Sendable, Equatable {
    /// 01-container-lifecycle: `docker stop nosuch`.
    case noSuchContainer(String)
    /// moby daemon/container lookup: several ids share the prefix.
    case ambiguousContainer(String)
    /// 01-container-lifecycle: `docker run -d --name web nginx` twice.
    case nameInUse(name: String, id: String)
    /// 01-container-lifecycle: `docker rm web` while it runs.
    case removeRunning(id: String)
    /// 01-container-lifecycle: `docker pause web` twice.
    case alreadyPaused(id: String)
    /// 01-container-lifecycle: `docker unpause web` when not paused.
    case notPaused(id: String)
    /// moby: pause of a stopped container.
    case notRunning(id: String)
    /// 01-container-lifecycle: `docker rename renamed renamed`.
    case renameSameName
    /// 02-run-exit-statuses: `docker run --rm alpine nosuchcommand` (exit 127).
    case executableNotFound(String)
    /// 02-run-exit-statuses: `docker run --rm alpine /etc` (exit 126).
    case permissionDenied(String)
    /// 03-ports: a second container on the same host port.
    case portAllocated(endpoint: String, endpointID: String, hostIP: String, port: String)
    /// 04-images: `docker rmi nosuch:1.0`.
    case noSuchImage(String)
    /// 04-images: removing a tag of an image a container uses.
    case imageInUse(reference: String, container: String, image: String)
    /// `docker rmi ID` kept by a child image, a container or other repositories' names (moby
    /// daemon/images/image_delete.go, imageDeleteConflict).
    case imageDeleteConflict(image: String, hard: Bool, message: String)
    /// 05-networks: `docker network create appnet` twice.
    case networkExists(String)
    /// 05-networks: `docker network rm nosuch`, `docker network connect nosuch c1`.
    case noSuchNetwork(String)
    /// 05-networks: `docker network rm appnet` with containers on it.
    case networkHasEndpoints(name: String, id: String)
    /// 05-networks: `docker network rm bridge`.
    case predefinedNetwork(String)
    /// 05-networks: `docker network connect appnet c2` twice.
    case alreadyConnected(container: String, network: String)
    /// 05-networks: `docker network disconnect appnet c2` twice.
    case notConnected(containerID: String, network: String)
    /// 05-networks: `docker network create --driver overlay ov` outside a swarm.
    case notSwarmManager
    /// 07-volumes: `docker volume inspect` of a missing volume.
    case noSuchVolume(String)
    /// 07-volumes: `docker volume rm data1` while a container uses it.
    case volumeInUse(name: String, containers: [String])
    /// 07-volumes: `docker run -v relative:/d:rw,zz` (moby daemon/volume/mounts/mounts.go errInvalidMode).
    case invalidMode(String)
    /// 07-volumes: `docker run -v a:b:c:d` (moby daemon/volume/mounts/mounts.go errInvalidSpec).
    case invalidVolumeSpec(String)
    /// Anything else, with the daemon's own words.
    case other(String, status: Int)

    /// The daemon's message.
    public var message: String {
        switch self {
        case .noSuchContainer(let r): return "No such container: \(r)"
        case .ambiguousContainer(let r): return "multiple IDs found with provided prefix: \(r)"
        case .nameInUse(let name, let id):
            return "Conflict. The container name \"/\(name)\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name."
        case .removeRunning(let id):
            return "You cannot remove a running container \(id). Stop the container before attempting removal or force remove"
        case .alreadyPaused(let id): return "Container \(id) is already paused"
        case .notPaused(let id): return "Container \(id) is not paused"
        case .notRunning(let id): return "Container \(id) is not running"
        case .renameSameName: return "Renaming a container with the same name as its current name"
        case .executableNotFound(let exe):
            return "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"\(exe)\": executable file not found in $PATH: unknown"
        case .permissionDenied(let exe):
            return "failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: \"\(exe)\": permission denied: unknown"
        case .portAllocated(let endpoint, let endpointID, let hostIP, let port):
            return "driver failed programming external connectivity on endpoint \(endpoint) (\(endpointID)): Bind for \(hostIP):\(port) failed: port is already allocated"
        case .noSuchImage(let r): return "No such image: \(r)"
        case .imageInUse(let reference, let container, let image):
            return "conflict: unable to remove repository reference \"\(reference)\" (must force) - container \(container) is using its referenced image \(image)"
        case .imageDeleteConflict(let image, let hard, let message):
            return "conflict: unable to delete \(image) (\(hard ? "cannot be forced" : "must be forced")) - \(message)"
        case .networkExists(let n): return "network with name \(n) already exists"
        case .noSuchNetwork(let n): return "network \(n) not found"
        case .networkHasEndpoints(let name, let id): return "error while removing network: network \(name) id \(id) has active endpoints"
        case .predefinedNetwork(let n): return "\(n) is a pre-defined network and cannot be removed"
        case .alreadyConnected(let c, let n): return "endpoint with name \(c) already exists in network \(n)"
        case .notConnected(let id, let n): return "container \(id) is not connected to network \(n)"
        case .notSwarmManager:
            return "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again."
        case .noSuchVolume(let v): return "get \(v): no such volume"
        case .volumeInUse(let name, let containers): return "remove \(name): volume is in use - [\(containers.joined(separator: ", "))]"
        case .invalidMode(let m): return "invalid mode: \(m)"
        case .invalidVolumeSpec(let spec): return "invalid volume specification: '\(spec)'"
        case .other(let m, _): return m
        }
    }

    /// The exit status the container's process gets when `docker run` fails this way.
    public var runExitStatus: Int32 {
        switch self {
        case .executableNotFound: return 127
        case .permissionDenied: return 126
        default: return 125
        }
    }
}
