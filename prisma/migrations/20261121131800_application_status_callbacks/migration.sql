-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "application_id" UUID;

-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "application_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "webhook_endpoints_application_id_key" ON "webhook_endpoints"("application_id");

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

