-- Console users and partner API keys. Portable SQL for H2 2.x and PostgreSQL 13+.

-- People who sign in to the console; the password is a PBKDF2 hash (Jakarta Security Pbkdf2PasswordHash format).
CREATE TABLE console_user (
    username      VARCHAR(64)  PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Partner API keys: only the SHA-256 of the secret token is stored, so a leaked table reveals no usable key.
CREATE TABLE api_key (
    id         VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    token_hash VARCHAR(64)  NOT NULL,
    scope      VARCHAR(8)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_key_token_hash ON api_key (token_hash);
