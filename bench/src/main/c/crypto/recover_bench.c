/*
 * C reference for scripts/bench crypto: public-key recoveries per second with libsecp256k1 itself
 * (parse compact + recover + serialize, what the JNI binding does per call), on 1..N threads.
 * Usage: recover_bench <threads> <seconds>. Prints "threads=<t> recoveries_per_s=<wall-clock rate,
 * summed over threads> recoveries_per_cpu_s=<recoveries per CPU-second of the threads>".
 */
#include <pthread.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SIGS 1024

static secp256k1_context *ctx;
static unsigned char digests[SIGS][32];
static unsigned char sigs[SIGS][64];
static int recids[SIGS];
static double seconds;

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t next64(void) {
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static void fill(unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i += 8) {
    uint64_t v = next64();
    memcpy(p + i, &v, n - i < 8 ? n - i : 8);
  }
}
static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

typedef struct { int offset; long count; double elapsed; double cpu; } job;

static void *run(void *arg) {
  job *j = arg;
  secp256k1_ecdsa_recoverable_signature rs;
  secp256k1_pubkey pub;
  unsigned char out[65];
  size_t len;
  long n = 0;
  int i = j->offset;
  double cpu_start = cpu_now();
  double start = now(), end = start + seconds, t = start;
  while (t < end) {
    for (int k = 0; k < 256; k++) {
      if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rs, sigs[i], recids[i]) ||
          !secp256k1_ecdsa_recover(ctx, &pub, &rs, digests[i])) {
        fprintf(stderr, "recovery failed\n");
        exit(1);
      }
      len = sizeof out;
      secp256k1_ec_pubkey_serialize(ctx, out, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
      i = (i + 1) & (SIGS - 1);
      n++;
    }
    t = now();
  }
  j->count = n;
  j->elapsed = t - start;
  j->cpu = cpu_now() - cpu_start;
  return NULL;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  seconds = argc > 2 ? atof(argv[2]) : 5.0;
  ctx = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
  for (int i = 0; i < SIGS; i++) {
    unsigned char key[32];
    do {
      fill(key, 32);
    } while (!secp256k1_ec_seckey_verify(ctx, key));
    fill(digests[i], 32);
    secp256k1_ecdsa_recoverable_signature rs;
    if (!secp256k1_ecdsa_sign_recoverable(ctx, &rs, digests[i], key, NULL, NULL)) return 1;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, sigs[i], &recids[i], &rs);
  }
  pthread_t tid[64];
  job jobs[64];
  if (threads < 1 || threads > 64) return 2;
  for (int t = 0; t < threads; t++) {
    jobs[t].offset = (t * 131) & (SIGS - 1);
    pthread_create(&tid[t], NULL, run, &jobs[t]);
  }
  double total = 0, count = 0, cpu = 0;
  for (int t = 0; t < threads; t++) {
    pthread_join(tid[t], NULL);
    total += jobs[t].count / jobs[t].elapsed;
    count += jobs[t].count;
    cpu += jobs[t].cpu;
  }
  printf("threads=%d recoveries_per_s=%.0f recoveries_per_cpu_s=%.0f\n", threads, total, count / cpu);
  secp256k1_context_destroy(ctx);
  return 0;
}
