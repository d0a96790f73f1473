evaluate(new File(basedir, '../../../src/it/expect-log.groovy'))
