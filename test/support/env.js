// Template validation costs ~1.2 s per App; one test file turns it back on explicitly.
process.env.CDK_VALIDATION = 'false';
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';
// Tests that validate must not share reports through the project's cache; cache tests name their own file.
process.env.LAKEMESH_VALIDATION_CACHE = 'off';
