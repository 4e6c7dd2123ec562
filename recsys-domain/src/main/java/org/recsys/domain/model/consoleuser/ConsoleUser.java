package org.recsys.domain.model.consoleuser;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A console user: name, PBKDF2 password hash, role. */
@Entity
@Table(name = "console_user")
public class ConsoleUser {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsoleRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ConsoleUser() {
    }

    public ConsoleUser(String username, String passwordHash, ConsoleRole role, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public ConsoleRole role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
