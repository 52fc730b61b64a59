/// The course side of the lab: notes, lessons, assignments, the grader, quizzes and the store.
public enum Exercises {}
