def images = evaluate(new File(itSupport, 'images.groovy'))
images.make(new File(basedir, 'images'), [
        'puavo-os-test-bookworm-2024-01-01-120000-amd64.img',
        'puavo-os-test-bookworm-2024-01-08-120000-amd64.img'])
return true
