import Foundation
@testable import Exercises

/// A small bank for the quiz tests: the two blueprints of Content/questions and one item of each kind.
enum QuizFixtures {
    static let blueprints = [
        Blueprint(id: "dca", title: "DCA", objectives: [
            .init(id: "dca-orchestration", title: "Orchestration", weight: 25), .init(id: "dca-images", title: "Images", weight: 20),
            .init(id: "dca-install", title: "Install", weight: 15), .init(id: "dca-networking", title: "Networking", weight: 15),
            .init(id: "dca-security", title: "Security", weight: 15), .init(id: "dca-storage", title: "Storage", weight: 10),
        ], examItems: 55, examMinutes: 90, passPercent: 65),
        Blueprint(id: "lpi-devops", title: "LPI 702", objectives: [
            .init(id: "lpi-702.1", title: "Usage", weight: 7), .init(id: "lpi-702.2", title: "Deployment", weight: 5),
            .init(id: "lpi-702.3", title: "Infrastructure", weight: 4),
        ], examItems: 30, examMinutes: 45, passPercent: 62.5),
    ]

    static let file = """
        Notes for authors are not items.

        ```question
        id: bridge-dns
        kind: single
        objectives: [dca-networking, lpi-702.3]
        prompt: Do names resolve on the default bridge?
        options:
          - "Yes, through the embedded DNS"
          - "No, only on user-defined networks"
          - Only with published ports
        answer: B
        explanation: The embedded DNS serves user-defined networks only.
        ```

        ```question
        id: volume-kinds
        kind: multiple
        objectives: [dca-storage]
        prompt: Which keep data after the container is removed?
        options: [a named volume, the container's writable layer, a bind mount, a tmpfs mount]
        answer: [A, C]
        explanation: Volumes and bind mounts live outside the container.
        ```

        ```question
        id: overlay-scope
        kind: discrete
        objectives: [dca-networking]
        prompt: Which driver spans the nodes of a swarm?
        options: [bridge, overlay, host, macvlan]
        answer: B
        explanation: Overlay networks are swarm-scoped.
        ```

        ```question
        id: ps-all-ids
        kind: command
        objectives: [lpi-702.1, dca-orchestration]
        prompt: List only the IDs of all containers, running or not.
        setup: |
          docker run -d --name web nginx
          docker create --name idle alpine
        reference: docker ps -aq
        accepts: [docker ps -aq, docker container ls --all --quiet, docker ps -a -q]
        rejects: [docker ps -q]
        explanation: -a includes stopped containers; -q prints IDs only.
        ```

        ```question
        id: web-on-appnet
        kind: performance
        objectives: [dca-networking, lpi-702.3]
        prompt: Run nginx as web on a new network appnet.
        solution: |
          docker network create appnet
          docker run -d --name web --network appnet nginx
        checks:
          - run: docker inspect -f '{{.State.Running}}' web
            expect: "true"
        wrong: docker run -d --name web nginx
        explanation: Create the network, then attach with --network.
        ```
        """

    static func bank() throws -> QuestionBank {
        try QuestionBank.parse(files: [("fixture.md", file)], blueprints: blueprints)
    }
}
