package dev.stepwise.it.expand;

/** The two application versions a transition keeps working: v1 knows the old shape, v2 the new. */
enum Version {
    V1, V2
}
