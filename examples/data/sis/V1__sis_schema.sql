-- An SIS-like schema: households, students, guardians, a contact log, promises, meetings, and
-- the district's calendar. Portable SQL: the same migration runs on H2 and on PostgreSQL.
-- Lists (languages, channels, days, offered times) are comma-separated text, as many SIS
-- databases keep them, and `position` keeps the order the district exported. The log tables
-- (contact_log, promises, meetings) have no foreign keys: other systems append to them, and the
-- importer checks every reference (with the row it is in) anyway.
CREATE TABLE district (
    id                VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(200),
    time_zone         VARCHAR(64)  NOT NULL,
    default_language  VARCHAR(35),
    school_year_start DATE,
    weekend           VARCHAR(100)
);
CREATE TABLE district_holidays (
    holiday DATE PRIMARY KEY
);
CREATE TABLE schools (
    id       VARCHAR(64) PRIMARY KEY,
    position INT         NOT NULL,
    name     VARCHAR(200)
);
CREATE TABLE staff (
    id        VARCHAR(64) PRIMARY KEY,
    position  INT         NOT NULL,
    role      VARCHAR(20),
    languages VARCHAR(200)
);
CREATE TABLE households (
    id       VARCHAR(64) PRIMARY KEY,
    position INT         NOT NULL
);
CREATE TABLE household_groups (
    household_id VARCHAR(64) NOT NULL REFERENCES households (id),
    dimension    VARCHAR(64) NOT NULL,
    label        VARCHAR(64) NOT NULL,
    PRIMARY KEY (household_id, dimension)
);
CREATE TABLE students (
    id           VARCHAR(64) PRIMARY KEY,
    household_id VARCHAR(64) NOT NULL REFERENCES households (id),
    position     INT         NOT NULL,
    grade        VARCHAR(8),
    school_id    VARCHAR(64)
);
CREATE TABLE guardians (
    id           VARCHAR(64) NOT NULL,
    household_id VARCHAR(64) NOT NULL REFERENCES households (id),
    position     INT         NOT NULL,
    relationship VARCHAR(64),
    restriction  VARCHAR(20),
    PRIMARY KEY (household_id, id)
);
-- A household's preference (guardian_id null) or one guardian's own.
CREATE TABLE contact_preferences (
    household_id VARCHAR(64) NOT NULL REFERENCES households (id),
    guardian_id  VARCHAR(64),
    languages    VARCHAR(200),
    channels     VARCHAR(200),
    opt_out      VARCHAR(200),
    interpreter  BOOLEAN     NOT NULL
);
CREATE TABLE reachable_hours (
    household_id VARCHAR(64) NOT NULL REFERENCES households (id),
    guardian_id  VARCHAR(64),
    position     INT         NOT NULL,
    days         VARCHAR(100) NOT NULL,
    from_time    TIME        NOT NULL,
    to_time      TIME        NOT NULL
);
CREATE TABLE contact_log (
    id             VARCHAR(64) PRIMARY KEY,
    position       INT         NOT NULL,
    household_id   VARCHAR(64) NOT NULL,
    student_id     VARCHAR(64),
    staff_id       VARCHAR(64),
    guardian_id    VARCHAR(64),
    school_id      VARCHAR(64),
    broadcast_id   VARCHAR(64),
    contacted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    direction      VARCHAR(10) NOT NULL,
    channel        VARCHAR(12) NOT NULL,
    contact_mode   VARCHAR(12),
    tone           VARCHAR(10),
    topic          VARCHAR(16),
    language       VARCHAR(35),
    interpretation VARCHAR(16),
    delivery       VARCHAR(12),
    delivered      BOOLEAN,
    awaits_reply   BOOLEAN,
    reply_to       VARCHAR(64)
);
CREATE TABLE promises (
    id           VARCHAR(64) PRIMARY KEY,
    position     INT         NOT NULL,
    household_id VARCHAR(64) NOT NULL,
    staff_id     VARCHAR(64),
    made_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    due_by       TIMESTAMP WITH TIME ZONE NOT NULL,
    fulfilled_by VARCHAR(64)
);
CREATE TABLE meetings (
    id                 VARCHAR(64) PRIMARY KEY,
    position           INT         NOT NULL,
    household_id       VARCHAR(64) NOT NULL,
    student_id         VARCHAR(64),
    guardian_id        VARCHAR(64),
    staff_id           VARCHAR(64),
    school_id          VARCHAR(64),
    kind               VARCHAR(20) NOT NULL,
    scheduled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status             VARCHAR(12),
    offered_times      VARCHAR(2000),
    interpretation     VARCHAR(16),
    notice_sent_at     TIMESTAMP WITH TIME ZONE,
    input_requested_at TIMESTAMP WITH TIME ZONE,
    input_received_at  TIMESTAMP WITH TIME ZONE,
    draft_shared_at    TIMESTAMP WITH TIME ZONE
);
